package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// newValidateCmd is `cloudorder validate FILE...`.
func newValidateCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   c.say(i18n.T("validate FILE... [flags]", "validate 文件... [选项]")),
		Short: c.say(i18n.T("check order files, send nothing", "检查订单文件,不发送")),
		Long: c.say(i18n.T("Check order files and send nothing. Each problem is one line on stderr: "+
			"FILE: <json path>: <rule>.", "检查订单文件,不发送任何请求。每个问题在标准错误输出中占一行:文件: <json 路径>: <规则>。")),
		Example:           "cloudorder validate order.json\ncloudorder validate orders/*.json",
		Args:              minArgs(1, i18n.T("one or more order files", "一个或多个订单文件")),
		ValidArgsFunction: orderFiles(-1),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int { return runValidate(c, args) })
		},
	}
}

// runValidate checks order files and sends nothing. Each problem is one stderr line
// "FILE: <json path>: <rule>". Exit 0 when all are valid, 1 when any order is invalid,
// 2 when a file cannot be read or is not JSON at all.
func runValidate(c *cli, files []string) int {
	code := exitOK
	for _, name := range files {
		switch validateFile(name, c) {
		case exitUsage:
			code = exitUsage
		case exitInvalid:
			if code == exitOK {
				code = exitInvalid
			}
		}
	}
	return code
}

func validateFile(name string, c *cli) int {
	_, _, problems, code := readOrderFile(name, c)
	if code != exitOK {
		return code
	}
	printProblems(c, name, problems)
	if flows.Blocking(problems) {
		return exitInvalid
	}
	fmt.Fprintf(c.stdout, "%s: %s\n", name, c.say(i18n.T("ok", "有效")))
	return exitOK
}

// warningPrefix marks a problem, or a settings problem, that does not stop the order.
var warningPrefix = i18n.T("warning: ", "警告:")

// printProblems prints an order file's problems, one line each: "FILE: path: [warning: ]rule",
// the path shown inert (it is the file's own text).
func printProblems(c *cli, name string, problems []flows.Problem) {
	for _, p := range problems {
		warn := ""
		if p.Warning {
			warn = c.say(warningPrefix)
		}
		fmt.Fprintf(c.stderr, "%s: %s: %s%s\n", name, providers.Printable(p.Path), warn, c.say(p.Msg))
	}
}

// readOrderFile reads an order file once — at most flows.MaxFileSize bytes, a regular file or
// "-" for standard input, so nothing is read twice (readLimited) — and
// parses it strictly, reporting unreadable input itself. The problems are the order's own;
// the exit code is exitUsage when there is no order at all.
func readOrderFile(name string, c *cli) (*flows.API, *flows.Answers, []flows.Problem, int) {
	data, err := readLimited(name, c)
	if config.IsFileRefusal(err) {
		fmt.Fprintln(c.stderr, c.say(i18n.TextOf(err))) // names the file itself
		return nil, nil, nil, exitUsage
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %s: %v\n", name, c.say(i18n.T("cannot read", "无法读取")), unwrapPath(err))
		return nil, nil, nil, exitUsage
	}
	api, a, problems, err := flows.Load(data) // too large, not UTF-8, not one JSON object: said in both languages
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %s\n", name, c.say(i18n.TextOf(err)))
		return nil, nil, nil, exitUsage
	}
	return api, a, problems, exitOK
}

// readLimited reads name ("-" = standard input, up to one byte past flows.MaxFileSize, so an
// oversized input is recognised without reading it all); a named file goes through the one
// reader of a person's files (config.ReadPersonFile: regular files only, at most 1 MiB).
func readLimited(name string, c *cli) ([]byte, error) {
	if name != "-" {
		return config.ReadPersonFile(name, config.OrderFile)
	}
	return config.ReadPersonStream(i18n.T("standard input", "标准输入").In(c.lang), c.stdin, config.OrderFile)
}

// unwrapPath drops the file name os errors repeat.
func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
