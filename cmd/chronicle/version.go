package main

import (
	"context"
	"fmt"
	"runtime/debug"

	"github.com/chronicle/chronicle/cli"
)

// version is set at build time with -ldflags "-X main.version=...";
// otherwise the VCS revision recorded by the Go toolchain is shown.
var version = ""

func runVersion(_ context.Context, args []string, stdio cli.IO) int {
	fs := cli.NewFlags("version", "chronicle version", stdio)
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	fmt.Fprintln(stdio.Out, "chronicle", versionString())
	return cli.ExitOK
}

func versionString() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return info.Main.Version + " " + info.GoVersion
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "+dirty"
	}
	return rev + " " + info.GoVersion
}
