package main

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cloudorder/catalog"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
)

// helpText is `cloudorder [COMMAND] --help` in the run's language. Cobra's own template is
// not used: its headings, the flags' type names and "(default 30s)" are English only, and
// its flag list wraps at no width.
func (c *cli) helpText(cmd *cobra.Command) string {
	var b strings.Builder
	section := func(title i18n.Text) { fmt.Fprintf(&b, "\n%s\n", c.say(title)) }

	about := cmd.Long
	if about == "" {
		about = sentence(cmd.Short)
	}
	if cmd == cmd.Root() {
		about = c.say(i18n.T("cloudorder — place cloud product orders, reviewed before they are sent. ",
			"cloudorder — 下单前可审阅的云产品下单工具。")) + about
	}
	b.WriteString(wrapIndent(about, 0))

	section(i18n.T("Usage:", "用法:"))
	b.WriteString(wrapIndent(cmd.UseLine(), 2))
	if cmd.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "  %s\n", cmd.CommandPath()+" "+c.say(i18n.T("COMMAND [flags]", "命令 [选项]")))
		section(i18n.T("Commands:", "命令:"))
		b.WriteString(c.commandRows(cmd))
	}
	if cmd.Example != "" {
		section(i18n.T("Examples:", "示例:"))
		for _, line := range strings.Split(cmd.Example, "\n") {
			b.WriteString(wrapIndent(line, 2))
		}
	}
	if fs := cmd.LocalFlags(); fs.HasAvailableFlags() {
		section(i18n.T("Flags:", "选项:"))
		b.WriteString(c.flagRows(fs))
	}
	if fs := cmd.InheritedFlags(); fs.HasAvailableFlags() {
		section(i18n.T("Global flags:", "全局选项:"))
		b.WriteString(c.flagRows(fs))
	}
	if cmd == cmd.Root() {
		section(i18n.T("Exit codes:", "退出码:"))
		b.WriteString(c.exitCodeRows())
		section(i18n.T("APIs (the order file's \"api\"):", "接口(订单文件中的 \"api\"):"))
		// The documentation's addresses are in `cloudorder man`: some are longer than a line,
		// and a URL broken in two cannot be followed.
		for _, a := range catalog.Flows() {
			fmt.Fprintf(&b, "  %s\n", a.ID)
			b.WriteString(wrapIndent(c.say(a.Title), 6))
			b.WriteString(wrapIndent(a.Method+" "+a.Path, 6))
		}
	}
	if cmd.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n%s", wrapIndent(c.say(i18n.Tf("Run '%s COMMAND --help' for a command's help.",
			"运行 '%s 命令 --help' 查看某个命令的帮助。", cmd.CommandPath())), 0))
	}
	return b.String()
}

// commandRows lists cmd's sub-commands with what each does.
func (c *cli) commandRows(cmd *cobra.Command) string {
	var rows [][2]string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			rows = append(rows, [2]string{sub.Name(), sub.Short})
		}
	}
	return twoColumns(rows)
}

// flagRows lists a flag set: "-h, --name VALUE   what it does (default …)", the value's name
// from the backquoted word of the description (pflag.UnquoteUsage), the default in the run's
// language.
func (c *cli) flagRows(fs *pflag.FlagSet) string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		name, usage := pflag.UnquoteUsage(f)
		if f.Value.Type() == "bool" {
			name = ""
		}
		if name != "" {
			left += " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "0s" && d != "[]" {
			usage += c.say(i18n.Tf(" (default %s)", "(默认 %s)", d))
		}
		rows = append(rows, [2]string{left, usage})
	})
	return twoColumns(rows)
}

// exitCodeRows are the exit codes: the outcome table's (providers.Kind.Exit, worded by placement.WordingOf), in order, with
// the two that only the command line has (main.go).
func (c *cli) exitCodeRows() string {
	var rows [][2]string
	for _, r := range exitCodes() {
		rows = append(rows, [2]string{fmt.Sprintf("%3d", r.code), c.say(r.meaning)})
	}
	return twoColumns(rows)
}

type exitRow struct {
	code    int
	meaning i18n.Text
}

// exitCodes is every exit code the command line can end with, in order.
func exitCodes() []exitRow {
	return []exitRow{
		{exitOK, placement.WordingOf(0).Meaning},
		{exitInvalid, placement.WordingOf(providers.Invalid).Meaning},
		{exitUsage, i18n.T("usage error, unreadable input, an endpoint refused, a possible duplicate refused or a question answered no: nothing sent",
			"用法错误、输入不可读、接入地址被拒绝、可能重复的订单被拒绝或确认问题回答为否:未发送")},
		{exitRejected, placement.WordingOf(providers.Rejected).Meaning},
		{exitUnknown, placement.WordingOf(providers.Unknown).Meaning},
		{exitNotSent, placement.WordingOf(providers.NotSent).Meaning},
		{exitCanceled, i18n.T("cancelled before anything was sent (ctrl+c or SIGTERM; end of input in --plain); quitting the full-screen wizard exits 0",
			"发送前取消(ctrl+c 或 SIGTERM;--plain 下输入结束);退出全屏向导为 0")},
	}
}

// twoColumns lays rows out as "  left   right", right wrapped within docWidth (cmd_lang.go) beside the
// widest left (at most 28 cells; a longer left puts its right on the next line).
func twoColumns(rows [][2]string) string {
	col := 0
	for _, r := range rows {
		if w := ansi.StringWidth(r[0]); w <= 26 {
			col = max(col, w)
		}
	}
	col += 2 + 3 // indent, gap
	var b strings.Builder
	for _, r := range rows {
		left := "  " + r[0]
		body := wrapIndent(r[1], col)
		if w := ansi.StringWidth(left); w+1 < col {
			body = strings.TrimRight(left+strings.Repeat(" ", col-w)+strings.TrimLeft(body, " "), " ")
		} else {
			body = left + "\n" + body
		}
		b.WriteString(body)
	}
	return b.String()
}

// sentence makes a command's one-line Short the help's first paragraph: a capital first
// letter and a full stop ("print the version" → "Print the version."; 显示版本 → 显示版本。).
func sentence(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	switch {
	case strings.ContainsRune(".。!?！？", last):
	case ansi.StringWidth(string(last)) > 1:
		s += "。"
	default:
		s += "."
	}
	return s
}
