package main

import (
	"context"

	"github.com/chronicle/chronicle/cli"
)

func runEval(ctx context.Context, args []string, stdio cli.IO) int { return 0 }
