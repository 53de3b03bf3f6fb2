// Command chronicle turns dated news articles into the record they
// describe: actors, events, quotations and dates, each traceable to the
// sentence it came from. This file only dispatches; the work lives in the
// packages.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/chronicle/chronicle/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], cli.IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr})
	stop()
	os.Exit(code)
}

// commands lists every subcommand, in the order help shows them.
func commands() []cli.Command {
	cmds := []cli.Command{
		{Name: "analyze", Summary: "analyse articles and print one JSON object per article (contract v1)", Run: runAnalyze},
		{Name: "eval", Summary: "measure accuracy on gold data (--gold, --timeml, --conllu, --aeb)", Run: runEval},
		{Name: "bench", Summary: "measure throughput: articles/s, tokens/s, time per stage, peak memory", Run: runBench},
		{Name: "version", Summary: "print the version", Run: runVersion},
	}
	return append(cmds, extraCommands()...)
}

func run(ctx context.Context, args []string, stdio cli.IO) int {
	if len(args) == 0 {
		usage(stdio.Err)
		return cli.ExitUsage
	}
	name := args[0]
	if name == "help" || name == "-h" || name == "--help" || name == "-help" {
		if len(args) > 1 {
			return run(ctx, []string{args[1], "-h"}, stdio)
		}
		usage(stdio.Out)
		return cli.ExitOK
	}
	for _, c := range commands() {
		if c.Name == name {
			return c.Run(ctx, args[1:], stdio)
		}
	}
	fmt.Fprintf(stdio.Err, "chronicle: unknown command %q\n\n", name)
	usage(stdio.Err)
	return cli.ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Chronicle turns dated news articles into who did what to whom, when, where, and who said so.")
	fmt.Fprintln(w, "\nUsage:\n  chronicle <command> [flags] [arguments]\n\nCommands:")
	cmds := commands()
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-9s %s\n", c.Name, c.Summary)
	}
	fmt.Fprintln(w, "\nRun 'chronicle help <command>' or 'chronicle <command> -h' for a command's flags.")
}
