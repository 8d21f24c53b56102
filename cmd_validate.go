package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// validateFlags are the options of `cloudorder validate`.
type validateFlags struct{ output string }

// newValidateCmd is `cloudorder validate FILE...`.
func newValidateCmd(c *cli) *cobra.Command {
	var f validateFlags
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("validate FILE... [flags]", "validate 文件... [选项]")),
		Short: c.say(i18n.T("check order files, send nothing", "检查订单文件,不发送")),
		Long: c.say(i18n.T("Check order files and send nothing. Each problem is one line on stderr: "+
			"FILE: <json path>: <rule>; with --output json, one JSON object per file on stdout.",
			"检查订单文件,不发送任何请求。每个问题在标准错误输出中占一行:文件: <json 路径>: <规则>;"+
				"使用 --output json 时,每个文件在标准输出中输出一个 JSON 对象。")),
		Example:           "cloudorder validate order.json\ncloudorder validate orders/*.json --output json",
		Args:              minArgs(1, i18n.T("one or more order files", "一个或多个订单文件")),
		ValidArgsFunction: orderFiles(-1),
	}
	c.runWithOutput(cmd, &f.output, func(args []string) int { return runValidate(c, f, args) })
	return cmd
}

// runValidate checks order files and sends nothing. Each problem is one stderr line
// "FILE: <json path>: <rule>", or with --output json one object per file on stdout
// (validation). Exit 0 when all are valid, 1 when any order is invalid, 2 when a file cannot
// be read or is not JSON at all.
func runValidate(c *cli, f validateFlags, files []string) int {
	code := exitOK
	for _, name := range files {
		check := validateFile
		if f.output == "json" {
			check = validateFileJSON
		}
		switch check(name, c) {
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

// validation is one file in `validate --output json`: valid only when nothing blocks the
// order; error when the file could not be read as an order at all (exit 2).
type validation struct {
	File     string        `json:"file"`
	API      flows.APIID   `json:"api,omitempty"`
	Valid    bool          `json:"valid"`
	Error    string        `json:"error,omitempty"`
	Problems []fileProblem `json:"problems"`
	Warnings []fileProblem `json:"warnings"`
}

// fileProblem is one problem: the JSON path in the file and the rule, in the run's language.
type fileProblem struct {
	Path string `json:"path"`
	Rule string `json:"rule"`
}

func validateFileJSON(name string, c *cli) int {
	v := validation{File: name, Problems: []fileProblem{}, Warnings: []fileProblem{}}
	api, _, problems, unreadable := parseOrderFile(name, c)
	code := exitOK
	switch {
	case !unreadable.IsZero():
		v.Error, code = c.say(unreadable), exitUsage
	default:
		for _, p := range problems {
			fp := fileProblem{Path: p.Path, Rule: c.say(p.Msg)}
			if p.Warning {
				v.Warnings = append(v.Warnings, fp)
			} else {
				v.Problems = append(v.Problems, fp)
			}
		}
		if api != nil {
			v.API = api.ID
		}
		v.Valid = api != nil && !flows.Blocking(problems)
		if !v.Valid {
			code = exitInvalid
		}
	}
	writeJSONLine(c.stdout, v)
	return code
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
	api, a, problems, unreadable := parseOrderFile(name, c)
	if !unreadable.IsZero() {
		fmt.Fprintln(c.stderr, c.say(unreadable))
		return nil, nil, nil, exitUsage
	}
	return api, a, problems, exitOK
}

// parseOrderFile is readOrderFile without the printing: unreadable says, naming the file, why
// there is no order at all.
func parseOrderFile(name string, c *cli) (*flows.API, *flows.Answers, []flows.Problem, i18n.Text) {
	data, err := readLimited(name, c)
	if config.IsFileRefusal(err) {
		return nil, nil, nil, i18n.TextOf(err) // names the file itself
	}
	if err != nil {
		return nil, nil, nil, i18n.Tf("%s: %s: %v", "%s:%s:%v", name, i18n.T("cannot read", "无法读取"), unwrapPath(err))
	}
	api, a, problems, err := catalog.Flows().Load(data) // too large, not UTF-8, not one JSON object: said in both languages
	if err != nil {
		return nil, nil, nil, i18n.Tf("%s: %s", "%s:%s", name, i18n.TextOf(err))
	}
	return api, a, problems, i18n.Text{}
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
