package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cloudorder/catalog"
	"cloudorder/i18n"
)

// newManCmd is `cloudorder man`: the manual page cloudorder(1) in roff, in the run's language.
//
// Written here rather than with cobra/doc's GenMan: GenMan converts Markdown through
// go-md2man and blackfriday (two more modules), writes one page per command and fixes its
// section headings in English; cloudorder's page is one page — every command, its flags, the
// exit codes and the APIs — in English or Chinese, from the same tree as --help.
func newManCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:   "man",
		Short: c.say(i18n.T("print the manual page (roff)", "输出手册页(roff 格式)")),
		Long: c.say(i18n.T("Print the manual page cloudorder(1) in roff, in the language of --lang.",
			"以 roff 格式输出手册页 cloudorder(1),语言随 --lang。")),
		Example: c.say(i18n.T("cloudorder man | man -l -\ncloudorder man > /usr/local/share/man/man1/cloudorder.1",
			"cloudorder man --lang zh | man -l -\ncloudorder man > /usr/local/share/man/man1/cloudorder.1")),
		Args: c.noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return c.run(func() int { c.writeMan(c.stdout, cmd.Root()); return exitOK })
		},
	}
}

// writeMan writes root's manual page.
func (c *cli) writeMan(w io.Writer, root *cobra.Command) {
	say := func(en, zh string) string { return c.say(i18n.T(en, zh)) }
	fmt.Fprintf(w, ".TH CLOUDORDER 1 \"\" \"cloudorder %s\" %s\n", roffText(toolVersion()), roffQuote(say("User Commands", "用户命令")))
	fmt.Fprintf(w, ".SH %s\ncloudorder \\- %s\n", say("NAME", "名称"),
		roffText(say("place cloud product orders, reviewed before they are sent", "下单前可审阅的云产品下单工具")))
	fmt.Fprintf(w, ".SH %s\n", say("SYNOPSIS", "用法"))
	fmt.Fprintf(w, ".B %s\n.br\n", roffText(root.UseLine()))
	for _, cmd := range root.Commands() {
		if cmd.IsAvailableCommand() {
			fmt.Fprintf(w, ".B %s\n.br\n", roffText(cmd.UseLine()))
		}
	}
	fmt.Fprintf(w, ".SH %s\n%s\n", say("DESCRIPTION", "描述"), roffText(root.Short))
	c.manFlags(w, root.LocalFlags())
	fmt.Fprintf(w, ".SH %s\n", say("COMMANDS", "命令"))
	for _, cmd := range root.Commands() {
		if !cmd.IsAvailableCommand() {
			continue
		}
		about := cmd.Long
		if about == "" {
			about = sentence(cmd.Short)
		}
		fmt.Fprintf(w, ".SS %s\n%s\n", roffText(cmd.UseLine()), roffText(about))
		c.manFlags(w, cmd.LocalNonPersistentFlags())
		if cmd.Example != "" {
			fmt.Fprintf(w, ".PP\n%s\n.nf\n.RS\n%s\n.RE\n.fi\n", say("Examples:", "示例:"), roffText(cmd.Example))
		}
	}
	fmt.Fprintf(w, ".SH %s\n", say("GLOBAL OPTIONS", "全局选项"))
	c.manFlags(w, root.PersistentFlags())
	fmt.Fprintf(w, ".SH %s\n", say("EXIT STATUS", "退出码"))
	for _, e := range exitCodes() {
		fmt.Fprintf(w, ".TP\n.B %d\n%s\n", e.code, roffText(c.say(e.meaning)))
	}
	fmt.Fprintf(w, ".SH %s\n", say("APIS", "接口"))
	for _, a := range catalog.Flows() {
		fmt.Fprintf(w, ".TP\n.B %s\n%s\n.br\n%s %s\n.br\n%s\n", roffText(string(a.ID)), roffText(c.say(a.Title)),
			a.Method, roffText(a.Path), roffText(a.DocURL))
	}
	fmt.Fprintf(w, ".SH %s\n%s\n", say("SEE ALSO", "另见"),
		roffText(say("cloudorder --help; cloudorder COMMAND --help; README.md of the source.",
			"cloudorder --help;cloudorder 命令 --help;源码中的 README.md。")))
}

// manFlags lists a flag set as roff tagged paragraphs, as --help words them.
func (c *cli) manFlags(w io.Writer, fs *pflag.FlagSet) {
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		tag := "--" + f.Name
		if f.Shorthand != "" {
			tag = "-" + f.Shorthand + ", " + tag
		}
		if f.Value.Type() != "bool" && name != "" {
			tag += " " + name
		}
		if d := f.DefValue; d != "" && d != "false" && d != "0" && d != "0s" && d != "[]" {
			usage += c.say(i18n.Tf(" (default %s)", "(默认 %s)", d))
		}
		fmt.Fprintf(w, ".TP\n.B %s\n%s\n", roffText(tag), roffText(usage))
	})
}

// roffText escapes text for roff: backslashes, hyphens (so that flags stay copyable) and a
// leading dot or quote, which roff would read as a request.
func roffText(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, ".") || strings.HasPrefix(l, "'") {
			lines[i] = `\&` + l
		}
	}
	return strings.Join(lines, "\n")
}

// roffQuote is a roff macro argument in double quotes.
func roffQuote(s string) string {
	return `"` + strings.ReplaceAll(roffText(s), `"`, `\(dq`) + `"`
}
