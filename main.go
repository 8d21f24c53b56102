// Command cloudorder is a terminal wizard that places cloud product orders: it walks a person
// through an order's options, shows the exact request JSON for review, and submits it through
// the cloud's official SDK. See README.md.
package main

import (
	"io"
	"os"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/ui/earlyenv"
)

// TMUX was kept from lipgloss's package-level colour detection (ui/earlyenv): put it
// back before anything reads the environment.
func init() { earlyenv.Restore() }

// Exit codes (docs/design.md, "Exit codes"); scripts rely on them. The codes of failed orders come from the
// one outcome table: each kind's providers.Kind.Exit (worded by placement.WordingOf).
var (
	exitOK       = 0                         // done
	exitInvalid  = providers.Invalid.Exit()  // invalid order, nothing sent
	exitUsage    = 2                         // usage error or unreadable input
	exitRejected = providers.Rejected.Exit() // the API answered with a 4xx error: nothing bought
	exitUnknown  = providers.Unknown.Exit()  // sent but the outcome is unknown: check history first
	exitNotSent  = providers.NotSent.Exit()  // provably not sent (DNS, connect, TLS): safe to retry
	exitCanceled = 130                       // --plain: end of input or ctrl+c before anything was sent (as gum does)
)

// version is set at build time with -ldflags "-X main.version=…"; toolVersion (commands.go)
// falls back to the build info.
var version = ""

// cli is what every command reads and writes; tests swap it.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           i18n.Lang
	settings       config.Settings // config.toml, read once by run (problems: loadSettings)
	// settingsErr is why that one read gave no settings (a *config.SettingsError naming file,
	// line and column, or a refused file), for the commands that use them (loadSettings).
	settingsErr error
	exit        int // the exit code of the command that ran (commands.go, execute)
}

func main() {
	os.Exit(run(os.Args[1:], &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}

// run runs the command line (commands.go) and returns the exit code.
func run(args []string, c *cli) int {
	// config.toml's lang applies when the environment names no language; the file's problems
	// are reported by the commands that read it (loadSettings).
	c.settings, c.settingsErr = config.LoadSettings(c.getenv, catalog.Flows())
	c.lang, _ = config.LangFrom("", c.settings.Lang, c.getenv)
	return execute(args, c)
}

// say picks the text in the session's language.
func (c *cli) say(t i18n.Text) string { return t.In(c.lang) }
