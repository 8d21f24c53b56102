package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
	"cloudorder/providers/cloud"
)

// cmdCommand prints an order file as its cloud's own CLI command (aliyun, hcloud), going to the
// endpoint cloudorder itself would call (--endpoint and config.toml included). It sends
// nothing. Exit codes: 0 printed · 1 invalid order (nothing printed) · 2 usage error,
// unreadable file, or a command the shell could not run.
func cmdCommand(args []string, c *cli) int {
	var shell, endpoint string
	files, code := c.parseFlags("command", args, func(fs *flag.FlagSet) {
		fs.StringVar(&shell, "shell", "sh", c.say(i18n.T("the shell the command is written for: sh, pwsh or cmd", "命令所用的 shell:sh、pwsh 或 cmd")))
		fs.StringVar(&endpoint, "endpoint", "", c.say(i18n.T("replace the API endpoint (scheme://host[:port])", "替换接口地址(scheme://host[:port])")))
	})
	if code >= 0 {
		return code
	}
	sh, ok := clicmd.ParseShell(shell)
	if len(files) != 1 || !ok {
		fmt.Fprintln(c.stderr, c.usageLine("command"))
		return exitUsage
	}
	o, code := readOrderOnce(files[0], c)
	if code != exitOK {
		return code
	}
	settings := loadSettings(c)
	p, closer, err := cloud.Open(cloud.Options{Mode: providers.Live, Endpoint: endpoint, Getenv: c.getenv,
		Endpoints: settings.Endpoints, UserAgent: "cloudorder/" + toolVersion()})
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder command: %v\n", err)
		return exitUsage
	}
	defer closer.Close()
	text, err := clicmd.Render(o, p.Target(o.API, o.Region).Endpoint, sh, c.lang)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder command: %v\n", err)
		return exitUsage
	}
	fmt.Fprint(c.stdout, text)
	return exitOK
}

// readOrderOnce reads FILE (or standard input for "-") once, checks it as `validate` does and
// decodes the order from the same bytes: the command printed is the order checked.
func readOrderOnce(name string, c *cli) (flows.Order, int) {
	var data []byte
	var err error
	if name == "-" {
		data, err = io.ReadAll(io.LimitReader(c.stdin, 1<<20+1))
	} else {
		data, err = os.ReadFile(name)
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %s: %v\n", name, c.say(i18n.T("cannot read", "无法读取")), unwrapPath(err))
		return flows.Order{}, exitUsage
	}
	if len(data) > 1<<20 {
		fmt.Fprintf(c.stderr, "%s: %s\n", name, c.say(i18n.T("larger than 1 MiB: not an order file", "超过 1 MiB:不是订单文件")))
		return flows.Order{}, exitUsage
	}
	api, _, problems, err := flows.Load(data)
	if err != nil {
		var se *flows.SyntaxError
		if errors.As(err, &se) {
			fmt.Fprintf(c.stderr, "%s: %s\n", name, c.say(i18n.Tf("line %d, column %d: malformed JSON: %s", "第 %d 行第 %d 列:JSON 格式错误:%s", se.Line, se.Col, se.Msg)))
		} else {
			fmt.Fprintf(c.stderr, "%s: %v\n", name, err)
		}
		return flows.Order{}, exitUsage
	}
	for _, p := range problems {
		warn := ""
		if p.Warning {
			warn = c.say(i18n.T("warning: ", "警告:"))
		}
		fmt.Fprintf(c.stderr, "%s: %s: %s%s\n", name, p.Path, warn, c.say(p.Msg))
	}
	if api == nil || flows.Blocking(problems) {
		fmt.Fprintln(c.stderr, c.say(i18n.T("no command printed: fix the order first", "未输出命令:请先修正订单")))
		return flows.Order{}, exitInvalid
	}
	var o flows.Order
	if err := json.Unmarshal(data, &o); err != nil {
		fmt.Fprintf(c.stderr, "%s: %v\n", name, err)
		return flows.Order{}, exitUsage
	}
	if strings.TrimSpace(o.Region) == "" {
		fmt.Fprintf(c.stderr, "%s: region: %s\n", name, c.say(i18n.T("required", "必填")))
		return flows.Order{}, exitInvalid
	}
	return o, exitOK
}
