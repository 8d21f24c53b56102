package main

import (
	"flag"
	"fmt"

	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// cmdCommand prints an order file as its cloud's own CLI command (aliyun, hcloud), going to the
// endpoint cloudorder itself would call (--endpoint and config.toml included). It sends
// nothing. Exit codes: 0 printed · 1 invalid order (nothing printed) · 2 usage error,
// unreadable file, or a command the shell could not run.
func cmdCommand(args []string, c *cli) int {
	var shell, endpoint string
	files, code := c.parseFlags("command", args, func(fs *flag.FlagSet) {
		fs.StringVar(&shell, "shell", "sh", c.say(i18n.T("the shell the command is written for: sh, pwsh or cmd", "命令所用的 shell:sh、pwsh 或 cmd")))
		c.endpointFlag(fs, &endpoint)
	})
	if code >= 0 {
		return code
	}
	if len(files) != 1 {
		fmt.Fprintln(c.stderr, c.usageLine("command"))
		return exitUsage
	}
	sh, ok := clicmd.ParseShell(shell)
	if !ok {
		var words []string
		for _, s := range clicmd.Shells {
			words = append(words, string(s))
		}
		c.flagWord("shell", shell, words...)
		return exitUsage
	}
	// The same reader as submit: the command printed carries the order submit would send.
	o, code := loadOrder(files[0], c, i18n.T("no command printed: fix the order first", "未输出命令:请先修正订单"))
	if code != exitOK {
		return code
	}
	p, closer, err := c.openCloud(providers.Live, endpoint, 0, "")
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder command: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	defer closer.Close()
	text, err := clicmd.Render(o, p.Target(o.API, o.Region).Endpoint, sh, c.lang)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder command: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	fmt.Fprint(c.stdout, text)
	return exitOK
}
