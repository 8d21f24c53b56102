package main

import (
	"os"
	"os/signal"
	"strings"
	"syscall"

	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/ui"
	"cloudorder/ui/plain"
)

// plainWanted reports whether the wizard runs as plain lines: --plain; CLOUDORDER_ACCESSIBLE
// with gh's truthy rule (anything but "", 0, false, no — cli/cli internal/ghcmd/cmd.go); the
// generic ACCESSIBLE, any non-empty value (huh's convention); or TERM=dumb, where a full-screen
// program cannot draw.
func plainWanted(flag bool, getenv func(string) string) bool {
	switch strings.ToLower(strings.TrimSpace(getenv("CLOUDORDER_ACCESSIBLE"))) {
	case "", "0", "false", "no":
	default:
		return true
	}
	return flag || getenv("ACCESSIBLE") != "" || getenv("TERM") == "dumb"
}

// runPlain runs the wizard's session (same provider, journal and duplicate guard) as plain
// lines on stdout, reading stdin line by line, TTY or not. Exit codes as the wizard's, plus
// 130 when the session was canceled (end of input or ctrl+c) and nothing was sent.
func runPlain(opts ui.Options, c *cli, endpoint string) int {
	interrupt := make(chan os.Signal, 2)
	if c.stdin == os.Stdin {
		// SIGTERM too: killed mid-flight, the session would end without a word about an
		// order that may exist; caught, it is told like ctrl+c.
		signal.Notify(interrupt, os.Interrupt, syscall.SIGTERM)
		defer signal.Stop(interrupt)
	}
	p := plain.Options{Provider: opts.Provider, Mode: opts.Mode, Lang: opts.Lang, ProjectID: opts.ProjectID,
		Regions: opts.Regions, APIs: opts.APIs, In: c.stdin, Out: c.stdout, Echoed: isTerminal(c.stdin), Interrupt: interrupt,
		ExpectDigest: opts.ExpectDigest}
	if opts.From != nil {
		p.FromAPI, p.FromAnswers = opts.From.API, opts.From.Answers
	}
	o := plain.Run(p)
	printStatusHint(c, o.OrderID == "" && o.Failure == providers.Unknown, endpoint, opts.Mode == providers.Sandbox && endpoint == "")
	switch {
	case o.Canceled:
		return exitCanceled
	case o.OrderID != "":
		return placement.Outcome{History: o.History}.ExitCode() // 4 when the history could not record it
	case o.Failure == 0:
		return exitOK
	}
	return o.Failure.Exit()
}
