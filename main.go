// Command cloudorder is a terminal wizard that places cloud product orders: it walks a person
// through an order's options, shows the exact request JSON for review, and submits it through
// the cloud's official SDK. See README.md.
package main

import (
	"fmt"
	"io"
	"os"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/ui/earlyenv"
)

// TMUX was kept from lipgloss's package-level colour detection (ui/earlyenv): put it
// back before anything reads the environment.
func init() { earlyenv.Restore() }

// Exit codes (DESIGN.md §3); scripts rely on them. The codes of failed orders come from the
// one outcome table, providers.OutcomeOf.
var (
	exitOK       = 0                                            // done
	exitInvalid  = providers.OutcomeOf(providers.Invalid).Exit  // invalid order, nothing sent
	exitUsage    = 2                                            // usage error or unreadable input
	exitRejected = providers.OutcomeOf(providers.Rejected).Exit // the API answered with a 4xx error: nothing bought
	exitUnknown  = providers.OutcomeOf(providers.Unknown).Exit  // sent but the outcome is unknown: check history first
	exitNotSent  = providers.OutcomeOf(providers.NotSent).Exit  // provably not sent (DNS, connect, TLS): safe to retry
	exitCanceled = 130                                          // --plain: end of input or ctrl+c before anything was sent (as gum does)
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// cli is what every command reads and writes; tests swap it.
type cli struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	lang           flows.Lang
}

func main() {
	os.Exit(run(os.Args[1:], &cli{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, getenv: os.Getenv}))
}

// run dispatches to a sub-command, or to the wizard when the first argument is a flag or absent.
func run(args []string, c *cli) int {
	c.lang, _ = config.Lang("", c.getenv)
	cmd := ""
	if len(args) > 0 {
		cmd = args[0]
	}
	switch cmd {
	case "validate":
		return cmdValidate(args[1:], c)
	case "submit":
		return cmdSubmit(args[1:], c)
	case "sandbox":
		return cmdSandbox(args[1:], c)
	case "command":
		return cmdCommand(args[1:], c)
	case "history":
		return cmdHistory(args[1:], c)
	case "version":
		fmt.Fprintln(c.stdout, "cloudorder", version)
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(c.stdout, c.say(usageText))
		return exitOK
	}
	return cmdWizard(args, c)
}

// say picks the text in the session's language.
func (c *cli) say(t flows.Text) string { return t.In(c.lang) }

var usageText = flows.T(`cloudorder — place cloud product orders, reviewed before they are sent

Usage:
  cloudorder [--sandbox | --dry-run] [--plain] [--from FILE] [--lang en|zh] [--endpoint URL] [--timeout 30s]
             [--profile NAME]
  cloudorder validate FILE...        check order files, send nothing
  cloudorder submit FILE [--sandbox] [--yes] [--allow-duplicate] [--output text|json]
                         [--endpoint URL] [--timeout 30s] [--profile NAME]
  cloudorder command FILE [--shell sh|pwsh|cmd] [--endpoint URL]
                                     print the order as the aliyun/hcloud command
  cloudorder sandbox [--addr 127.0.0.1:PORT]   serve the loopback emulator
  cloudorder history [--output text|json]
  cloudorder version

Exit codes: 0 done · 1 invalid order, nothing sent · 2 usage error or unreadable input ·
3 the API rejected the order (nothing bought) · 4 sent but the outcome is unknown (check
history and the console first) · 5 not sent (DNS, connect or TLS failure): safe to retry
`, `cloudorder — 下单前可审阅的云产品下单工具

用法:
  cloudorder [--sandbox | --dry-run] [--plain] [--from 文件] [--lang en|zh] [--endpoint URL] [--timeout 30s]
             [--profile 名称]
  cloudorder validate 文件...         检查订单文件,不发送
  cloudorder submit 文件 [--sandbox] [--yes] [--allow-duplicate] [--output text|json]
                         [--endpoint URL] [--timeout 30s] [--profile 名称]
  cloudorder command 文件 [--shell sh|pwsh|cmd] [--endpoint URL]
                                     输出订单对应的 aliyun/hcloud 命令
  cloudorder sandbox [--addr 127.0.0.1:端口]   运行本地模拟服务
  cloudorder history [--output text|json]
  cloudorder version

退出码:0 完成 · 1 订单无效,未发送 · 2 用法错误或输入不可读 ·
3 接口拒绝了订单(未购买) · 4 已发送但结果未知(请先查看历史与控制台) ·
5 未发送(DNS、连接或 TLS 失败):可以安全重试
`)
