package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chronicle/chronicle/cli"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(context.Background(), args, cli.IO{In: strings.NewReader(stdin), Out: &out, Err: &errOut})
	return code, out.String(), errOut.String()
}

func TestAnalyzeExitCodes(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"1-good.txt":    "date 2020-01-02 Protesters gathered outside the embassy on Tuesday.",
		"2-empty.txt":   "",
		"3-baddate.txt": "date 2020-13-45 Body.",
		"4-good.jsonl":  `{"published":"2020-01-03","text":"Talks resumed."}` + "\n" + `{"broken` + "\n",
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := runCLI(t, "", "analyze", dir)
	if code != cli.ExitRefused {
		t.Errorf("exit %d, want %d", code, cli.ExitRefused)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 {
		t.Fatalf("printed %d articles, want 2:\n%s", len(lines), out)
	}
	for _, l := range lines {
		var o map[string]any
		if err := json.Unmarshal([]byte(l), &o); err != nil {
			t.Fatalf("not one JSON object a line: %v", err)
		}
	}
	errLines := strings.Split(strings.TrimSpace(errOut), "\n")
	want := []string{"2-empty.txt: empty input", "3-baddate.txt: bad date header", "4-good.jsonl:2: invalid JSON"}
	if len(errLines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d:\n%s", len(errLines), len(want), errOut)
	}
	for i, w := range want {
		if !strings.Contains(errLines[i], w) {
			t.Errorf("stderr line %q, want it to contain %q", errLines[i], w)
		}
	}
}

func TestAnalyzeStdinAndUsage(t *testing.T) {
	code, out, _ := runCLI(t, "date 2021-06-01 The minister resigned.", "analyze", "-")
	if code != cli.ExitOK || !strings.Contains(out, `"origin":"-"`) || !strings.Contains(out, `"published":"2021-06-01"`) {
		t.Errorf("stdin: exit %d, output %s", code, out)
	}
	if code, _, _ := runCLI(t, "", "analyze"); code != cli.ExitUsage {
		t.Errorf("no input: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "analyze", "--published", "yesterday", "-"); code != cli.ExitUsage {
		t.Errorf("bad --published: exit %d, want 2", code)
	}
	if code, _, _ := runCLI(t, "", "nonsense"); code != cli.ExitUsage {
		t.Errorf("unknown command: exit %d, want 2", code)
	}
}

func TestHelp(t *testing.T) {
	code, out, _ := runCLI(t, "", "help")
	if code != cli.ExitOK {
		t.Fatalf("help: exit %d", code)
	}
	for _, c := range commands() {
		if !strings.Contains(out, c.Name) {
			t.Errorf("help does not list %s", c.Name)
		}
		if code, _, errOut := runCLI(t, "", c.Name, "-h"); code != cli.ExitOK || !strings.Contains(strings.ToLower(errOut), "usage:") {
			t.Errorf("%s -h: exit %d, %q", c.Name, code, errOut)
		}
	}
}

func TestEvalNeedsADirectory(t *testing.T) {
	if code, _, _ := runCLI(t, "", "eval"); code != cli.ExitUsage {
		t.Errorf("eval without a corpus: exit %d, want 2", code)
	}
	if code, _, errOut := runCLI(t, "", "eval", "--gold", t.TempDir()); code != cli.ExitRefused || !strings.Contains(errOut, "no NAME.txt") {
		t.Errorf("eval on an empty directory: exit %d, %q", code, errOut)
	}
}

func TestBenchOnSamples(t *testing.T) {
	code, out, errOut := runCLI(t, "", "bench", "-n", "16")
	if code != cli.ExitOK || !strings.Contains(out, "articles/s") || !strings.Contains(out, "segment") {
		t.Errorf("bench: exit %d\n%s%s", code, out, errOut)
	}
}
