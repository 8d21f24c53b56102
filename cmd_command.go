package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// commandFlags are the options of `cloudorder command`.
type commandFlags struct{ shell, endpoint string }

// newCommandCmd is `cloudorder command FILE`.
func newCommandCmd(c *cli) *cobra.Command {
	var f commandFlags
	var shells []string
	for _, s := range clicmd.Shells {
		shells = append(shells, string(s))
	}
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("command FILE [flags]", "command 文件 [选项]")),
		Short: c.say(i18n.T("print the order as the aliyun/hcloud command", "输出订单对应的 aliyun/hcloud 命令")),
		Long: c.say(i18n.T("Print an order file as its cloud's own CLI command (aliyun, hcloud), going to the endpoint "+
			"cloudorder would call. Sends nothing.", "把订单文件输出为云厂商自己的命令行(aliyun、hcloud)命令,"+
			"使用 cloudorder 将调用的接入地址。不发送任何请求。")),
		Example:           "cloudorder command order.json\ncloudorder command order.json --shell pwsh",
		Args:              exactArgs(1, i18n.T("one order file", "一个订单文件")),
		ValidArgsFunction: orderFiles(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int { return runCommand(c, f, args[0]) })
		},
	}
	cmd.Flags().StringVar(&f.shell, "shell", "sh", c.say(i18n.Tf("the shell the command is written for: `%s`", "命令所用的 shell:`%s`", strings.Join(shells, "|"))))
	_ = cmd.RegisterFlagCompletionFunc("shell", fixedWords(shells...))
	c.endpointFlag(cmd.Flags(), &f.endpoint)
	return cmd
}

// runCommand prints an order file as its cloud's own CLI command (aliyun, hcloud), going to the
// endpoint cloudorder itself would call (--endpoint and config.toml included). It sends
// nothing. Exit codes: 0 printed · 1 invalid order (nothing printed) · 2 usage error,
// unreadable file, or a command the shell could not run.
func runCommand(c *cli, f commandFlags, file string) int {
	shell, endpoint := f.shell, f.endpoint
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
	o, code := loadOrder(file, c, i18n.T("no command printed: fix the order first", "未输出命令:请先修正订单"))
	if code != exitOK {
		return code
	}
	p, closer, err := c.openCloud(providers.Live, endpoint, 0, "")
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder command: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	defer closer.Close()
	text, err := clicmd.Render(catalog.Flow(o.API), o, p.Target(o.API, o.Region), sh, c.lang)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder command: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	fmt.Fprint(c.stdout, text)
	return exitOK
}
