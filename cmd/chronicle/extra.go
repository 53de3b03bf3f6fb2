package main

import "github.com/chronicle/chronicle/cli"

// extraCommands are the commands other packages offer (store, serve, ...).
func extraCommands() []cli.Command {
	return nil
}
