package main

import (
	"context"
	"fmt"

	"github.com/chronicle/chronicle/analysis"
	"github.com/chronicle/chronicle/cli"
	"github.com/chronicle/chronicle/eval"
)

func runEval(ctx context.Context, args []string, stdio cli.IO) int {
	fs := cli.NewFlags("eval", "chronicle eval (--gold DIR | --timeml DIR | --conllu DIR | --aeb DIR) [--verbose]", stdio)
	gold := fs.String("gold", "", "directory of NAME.txt articles with NAME.json gold annotations (contract §3)")
	timeml := fs.String("timeml", "", "directory of TimeML .tml files (TempEval-3) to score time expressions")
	conllu := fs.String("conllu", "", "directory of CoNLL-U files with entity annotation (GUM) to score entities")
	aeb := fs.String("aeb", "", "article-extraction benchmark directory (ground-truth.json + html/) to score HTML extraction")
	verbose := fs.Bool("verbose", false, "list every miss and every extra")
	if code, ok := cli.Parse(fs, args); !ok {
		return code
	}
	jobs := 0
	for _, d := range []string{*gold, *timeml, *conllu, *aeb} {
		if d != "" {
			jobs++
		}
	}
	if jobs == 0 || fs.NArg() > 0 {
		fmt.Fprintln(stdio.Err, "chronicle eval: give one or more of --gold, --timeml, --conllu, --aeb with a directory")
		fs.Usage()
		return cli.ExitUsage
	}
	code := cli.ExitOK
	fail := func(err error) {
		fmt.Fprintln(stdio.Err, "chronicle eval:", err)
		code = cli.ExitRefused
	}
	if *gold != "" {
		p, err := analysis.New()
		if err != nil {
			fail(err)
			return code
		}
		if _, err := eval.EvaluateGold(*gold, p, stdio.Out, *verbose); err != nil {
			fail(err)
		}
	}
	for _, e := range extraEvals(*timeml, *conllu, *aeb) {
		if err := e(stdio.Out, *verbose); err != nil {
			fail(err)
		}
	}
	return code
}
