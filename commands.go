package main

import (
	"errors"
	"fmt"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"cloudorder/i18n"
)

// The command line is a cobra tree (github.com/spf13/cobra: the convention of gh and
// kubectl), built afresh for each run in the run's language (langFromArgs), so every help
// text, flag description and completion description is already in that language.
//
// Adding a command: write newNAMECmd(c *cli) *cobra.Command in cmd_NAME.go — its flags bound
// to an options struct, Args from this file (c.exactArgs, c.minArgs, c.noArgs), RunE
// c.run(func() int { return runNAME(c, opts, args) }) — and list it in subcommands below.
// The logic stays in runNAME, which returns the exit code.

// subcommands are the sub-commands in the order `cloudorder --help` lists them.
func subcommands(c *cli) []*cobra.Command {
	return []*cobra.Command{
		newValidateCmd(c),
		newSubmitCmd(c),
		newPayCmd(c),
		newCommandCmd(c),
		newSandboxCmd(c),
		newCredentialsCmd(c),
		newHistoryCmd(c),
		newReviewCmd(c),
		newDiffCmd(c),
		newExplainCmd(c),
		newSchemaCmd(c),
		newStatusCmd(c),
		newCompletionCmd(c),
		newManCmd(c),
		newVersionCmd(c),
	}
}

var cobraSettings sync.Once

// newRoot builds the whole tree: the wizard (cmd_wizard.go) is the root command.
func newRoot(c *cli) *cobra.Command {
	cobraSettings.Do(func() { // cobra's package settings: set once, as runs may overlap in tests
		cobra.EnableCommandSorting = false // --help lists the commands in subcommands' order
		cobra.MousetrapHelpText = ""       // a double-clicked cloudorder.exe shows the wizard's message, not cobra's
	})
	root := newWizardCmd(c)
	root.AddCommand(subcommands(c)...)
	root.SilenceErrors, root.SilenceUsage = true, true // execute reports, in the run's language
	root.CompletionOptions.DisableDefaultCmd = true    // ours: newCompletionCmd, with the help in both languages
	root.SetIn(c.stdin)
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.SetHelpFunc(func(cmd *cobra.Command, _ []string) { fmt.Fprint(cmd.OutOrStdout(), c.helpText(cmd)) })
	root.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error { return flagError{err} })
	root.SetHelpCommand(c.newHelpCmd())
	root.InitDefaultHelpCmd() // adds it now, so that unknownCommand finds it

	// --lang is read before the tree is built (langFromArgs); declared here so every command
	// accepts it and lists it.
	var lang string
	root.PersistentFlags().StringVar(&lang, "lang", "", c.say(i18n.T("interface language: `en|zh`", "界面语言:`en|zh`")))
	_ = root.RegisterFlagCompletionFunc("lang", fixedWords("en", "zh"))

	root.Version = toolVersion()
	root.SetVersionTemplate("cloudorder {{.Version}}\n")
	root.Flags().BoolP("version", "v", false, c.say(i18n.T("print the version", "显示版本")))

	visit(root, func(cmd *cobra.Command) {
		cmd.Flags().BoolP("help", "h", false, c.say(i18n.T("show this help", "显示此帮助")))
		cmd.DisableFlagsInUseLine = true
		cmd.SuggestionsMinimumDistance = 2 // cobra's default, which SuggestionsFor does not apply itself
	})
	return root
}

// visit calls f on cmd and every command below it.
func visit(cmd *cobra.Command, f func(*cobra.Command)) {
	f(cmd)
	for _, sub := range cmd.Commands() {
		visit(sub, f)
	}
}

// execute runs the command line args and returns the exit code: the command's own, or 2 for
// anything cobra refuses (unknown command or flag, wrong arguments), said in the run's
// language with the command's usage line.
func execute(args []string, c *cli) int {
	lang, ok := c.langFromArgs(args)
	if !ok {
		return exitUsage
	}
	c.lang = lang
	root := newRoot(c)
	args = doubleDashLongFlags(root, args)
	if err := unknownCommand(root, args); err != nil {
		c.reportUsageError(root, err)
		return exitUsage
	}
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		plainFlagUsage(root) // the completion scripts show the descriptions as they are
	}
	root.SetArgs(append([]string{}, args...)) // never nil: cobra would read os.Args
	c.exit = exitOK
	cmd, err := root.ExecuteC()
	if err != nil {
		c.reportUsageError(cmd, err)
		return exitUsage
	}
	return c.exit
}

// plainFlagUsage drops the backquotes that name a flag's value for --help (pflag.UnquoteUsage).
func plainFlagUsage(root *cobra.Command) {
	visit(root, func(cmd *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{cmd.Flags(), cmd.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { f.Usage = strings.ReplaceAll(f.Usage, "`", "") })
		}
	})
}

// run is a command's RunE: it runs the command's logic and keeps its exit code for execute.
func (c *cli) run(f func() int) error {
	c.exit = f()
	return nil
}

// langFromArgs is --lang (the last one before "--") over the environment and config.toml;
// ok is false, said, when --lang names neither language.
func (c *cli) langFromArgs(args []string) (i18n.Lang, bool) {
	flag := ""
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			break
		}
		switch {
		case a == "--lang" || a == "-lang":
			if i+1 < len(args) {
				flag, i = args[i+1], i+1
			}
		case strings.HasPrefix(a, "--lang="), strings.HasPrefix(a, "-lang="):
			flag = a[strings.Index(a, "=")+1:]
		}
	}
	lang, ok := c.lang, true
	if flag != "" {
		lang, ok = i18n.ParseLang(flag)
	}
	if !ok {
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --lang must be en or zh, not %q", "cloudorder:--lang 只能是 en 或 zh,而不是 %q", flag)))
	}
	return lang, ok
}

// doubleDashLongFlags turns -name into --name for the long flags the tree declares: the
// command line used to be the standard flag package, which takes both, and scripts written
// for it keep working (pflag would read -yes as -y -e -s).
func doubleDashLongFlags(root *cobra.Command, args []string) []string {
	long := map[string]bool{"version": true}
	visit(root, func(cmd *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{cmd.Flags(), cmd.PersistentFlags()} {
			fs.VisitAll(func(f *pflag.Flag) { long[f.Name] = len(f.Name) > 1 })
		}
	})
	out := make([]string, 0, len(args))
	for i, a := range args {
		if a == "--" {
			return append(out, args[i:]...)
		}
		name, _, _ := strings.Cut(strings.TrimPrefix(a, "-"), "=")
		if len(a) > 2 && a[0] == '-' && a[1] != '-' && long[name] {
			a = "-" + a
		}
		out = append(out, a)
	}
	return out
}

// unknownCommand is the error for `cloudorder WORD` when WORD is no command (said before
// cobra parses the wizard's flags, which would complain about the sub-command's flags first),
// with the commands it may have meant.
func unknownCommand(root *cobra.Command, args []string) error {
	if len(args) > 0 && (args[0] == cobra.ShellCompRequestCmd || args[0] == cobra.ShellCompNoDescRequestCmd) {
		return nil // the completion scripts' request: cobra adds its command when it executes
	}
	if cmd, _, err := root.Find(args); err != nil || cmd != root {
		return nil
	}
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--":
			return nil
		case strings.HasPrefix(a, "-"):
			name, _, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
			f := root.Flags().Lookup(name)
			if f == nil {
				f = root.PersistentFlags().Lookup(name)
			}
			if f != nil && !hasValue && f.NoOptDefVal == "" {
				i++ // the flag's value
			}
		default:
			if sub, _, err := root.Find([]string{a}); err == nil && sub != root {
				return nil // a command after a flag that is not the wizard's: cobra names that flag
			}
			return commandError{a, root.SuggestionsFor(a), commandNames(root)}
		}
	}
	return nil
}

// commandNames lists cmd's sub-commands, for a message: "validate, submit, …".
func commandNames(cmd *cobra.Command) []string {
	var names []string
	for _, sub := range cmd.Commands() {
		if sub.IsAvailableCommand() {
			names = append(names, sub.Name())
		}
	}
	return names
}

// commandError is an argument where a sub-command was expected.
type commandError struct {
	word        string
	suggestions []string
	commands    []string
}

func (e commandError) Error() string { return e.Text().EN }

func (e commandError) Text() i18n.Text {
	if len(e.suggestions) > 0 {
		return i18n.Tf("unknown command %q — did you mean %s?", "未知命令 %q — 您是不是要输入 %s?",
			e.word, orList(e.suggestions))
	}
	return i18n.Tf("unknown command %q (commands: %s)", "未知命令 %q(命令:%s)",
		e.word, i18n.T(strings.Join(e.commands, ", "), strings.Join(e.commands, "、")))
}

// orList is "a", "a or b", "a, b or c" in both languages.
func orList(words []string) i18n.Text {
	if len(words) == 1 {
		return i18n.T(words[0], words[0])
	}
	head, last := strings.Join(words[:len(words)-1], ", "), words[len(words)-1]
	return i18n.T(head+" or "+last, strings.Join(words[:len(words)-1], "、")+" 或 "+last)
}

// usageError is a wrong number of arguments, said in both languages.
type usageError struct{ text i18n.Text }

func (e usageError) Error() string   { return e.text.EN }
func (e usageError) Text() i18n.Text { return e.text }

// flagError is pflag's complaint about a flag (unknown, missing value, bad value).
type flagError struct{ err error }

func (e flagError) Error() string { return e.err.Error() }
func (e flagError) Unwrap() error { return e.err }

// Text says pflag's errors in both languages; the ones it has no type for stay as pflag says
// them.
func (e flagError) Text() i18n.Text {
	var notExist *pflag.NotExistError
	var noValue *pflag.ValueRequiredError
	var badValue *pflag.InvalidValueError
	switch {
	case errors.As(e.err, &notExist) && notExist.GetSpecifiedShortnames() != "":
		return i18n.Tf("unknown flag -%s", "未知选项 -%s", notExist.GetSpecifiedName())
	case errors.As(e.err, &notExist):
		return i18n.Tf("unknown flag --%s", "未知选项 --%s", notExist.GetSpecifiedName())
	case errors.As(e.err, &noValue):
		return i18n.Tf("flag --%s needs a value", "选项 --%s 需要一个值", noValue.GetFlag().Name)
	case errors.As(e.err, &badValue):
		return i18n.Tf("--%s: %q is not a valid value (%v)", "--%s:%q 不是有效的值(%v)",
			badValue.GetFlag().Name, badValue.GetValue(), errors.Unwrap(badValue))
	}
	return i18n.T(e.err.Error(), e.err.Error())
}

// reportUsageError says what cobra refused, then cmd's usage line and where its help is.
func (c *cli) reportUsageError(cmd *cobra.Command, err error) {
	msg := i18n.TextOf(err) // cobra's own errors, which have no Text, stay English
	path := cmd.CommandPath()
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("%s: %s", "%s:%s", path, msg)))
	fmt.Fprintln(c.stderr, c.usageLine(cmd))
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("Run '%s --help' for more.", "运行 '%s --help' 查看详情。", path)))
}

// usageLine is "usage: " and cmd's usage.
func (c *cli) usageLine(cmd *cobra.Command) string {
	return c.say(i18n.T("usage: ", "用法:")) + cmd.UseLine()
}

// noArgs refuses any argument; on a command with sub-commands it names the ones meant.
func (c *cli) noArgs(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	if cmd.HasAvailableSubCommands() {
		return commandError{args[0], cmd.SuggestionsFor(args[0]), commandNames(cmd)}
	}
	return usageError{i18n.Tf("unexpected argument %q", "多余的参数 %q", args[0])}
}

// exactArgs wants n arguments, what (e.g. "one order file") in the message.
func exactArgs(n int, what i18n.Text) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) == n {
			return nil
		}
		return usageError{i18n.Tf("takes %s, got %d argument(s)", "需要%s,实际给出 %d 个参数", what, len(args))}
	}
}

// minArgs wants at least n arguments.
func minArgs(n int, what i18n.Text) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) >= n {
			return nil
		}
		return usageError{i18n.Tf("takes %s, got %d argument(s)", "需要%s,实际给出 %d 个参数", what, len(args))}
	}
}

// The flags several commands share, declared once: --endpoint, --timeout, --output,
// --sandbox and --profile.
func (c *cli) endpointFlag(fs *pflag.FlagSet, v *string) {
	fs.StringVar(v, "endpoint", "", c.say(i18n.T("send to this `URL` (scheme://host[:port]) instead of the API's endpoint", "发送到此 `URL`(scheme://host[:port]),而不是接口的默认地址")))
}

func (c *cli) timeoutFlag(fs *pflag.FlagSet, v *time.Duration) {
	fs.DurationVar(v, "timeout", 30*time.Second, c.say(i18n.T("how long to wait for the API's answer, a `DURATION` such as 45s or 2m", "等待接口应答的`时长`,例如 45s 或 2m")))
}

func (c *cli) outputFlag(cmd *cobra.Command, v *string, words ...string) {
	cmd.Flags().StringVar(v, "output", words[0], c.say(i18n.Tf("output format: `%s`", "输出格式:`%s`", strings.Join(words, "|"))))
	_ = cmd.RegisterFlagCompletionFunc("output", fixedWords(words...))
}

// runWithOutput gives cmd the --output flag (text or json) and a RunE that refuses any other
// word (exit 2) before it runs run.
func (c *cli) runWithOutput(cmd *cobra.Command, output *string, run func(args []string) int) {
	cmd.RunE = func(_ *cobra.Command, args []string) error {
		return c.run(func() int {
			if !c.flagWord("output", *output, "text", "json") {
				return exitUsage
			}
			return run(args)
		})
	}
	c.outputFlag(cmd, output, "text", "json")
}

func (c *cli) sandboxFlag(fs *pflag.FlagSet, v *bool) {
	fs.BoolVar(v, "sandbox", false, c.say(i18n.T("send orders to the in-process sandbox (nothing is bought)", "发送到内置模拟服务(不会产生购买)")))
}

func (c *cli) profileFlag(cmd *cobra.Command, v *string) {
	cmd.Flags().StringVar(v, "profile", "", c.say(i18n.T("the aliyun CLI profile or Huawei credentials-file section `NAME` to use", "要使用的 aliyun CLI 配置或华为云凭证文件段的`名称`")))
	_ = cmd.RegisterFlagCompletionFunc("profile", c.completeProfiles)
}

// flagWord reports whether flag --name's value v is one of words, and says the rule when not.
func (c *cli) flagWord(name, v string, words ...string) bool {
	if slices.Contains(words, v) {
		return true
	}
	list := i18n.T(strings.Join(words, ", "), strings.Join(words, "、"))
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --%s must be one of %s, not %q", "cloudorder:--%s 只能是 %s 之一,而不是 %q", name, list, v)))
	return false
}

// positiveTimeout reports whether --timeout is above zero, and says the rule when not.
func (c *cli) positiveTimeout(d time.Duration) bool {
	if d > 0 {
		return true
	}
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder: --timeout must be positive, e.g. 30s, not %s", "cloudorder:--timeout 必须大于 0,例如 30s,而不是 %s", d)))
	return false
}

// newHelpCmd is `cloudorder help [COMMAND]`, the same text as --help.
func (c *cli) newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:    c.say(i18n.T("help [COMMAND]", "help [命令]")),
		Short:  c.say(i18n.T("show the help of cloudorder or of a command", "显示 cloudorder 或某个命令的帮助")),
		Hidden: true,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return commandNames(cmd.Root()), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			target, rest, err := cmd.Root().Find(args)
			if err != nil || len(rest) > 0 {
				word := strings.Join(args, " ")
				if len(rest) > 0 {
					word = rest[0]
				}
				return commandError{word, target.SuggestionsFor(word), commandNames(target)}
			}
			fmt.Fprint(c.stdout, c.helpText(target))
			return nil
		},
	}
}

// newVersionCmd is `cloudorder version`; `cloudorder --version` and -v print the same line.
func newVersionCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use:     "version",
		Short:   c.say(i18n.T("print the version", "显示版本")),
		Example: "cloudorder version\ncloudorder --version",
		Args:    c.noArgs,
		RunE: func(*cobra.Command, []string) error {
			return c.run(func() int { fmt.Fprintln(c.stdout, "cloudorder", toolVersion()); return exitOK })
		},
	}
}

// toolVersion is -ldflags "-X main.version=…" when set, else the module version the Go
// toolchain stamped into the build (a tag, or a pseudo-version from the commit), else the
// commit itself, else "dev".
func toolVersion() string {
	if version != "" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	rev, dirty := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if rev == "" {
		return "dev"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if dirty {
		rev += "-dirty"
	}
	return "dev-" + rev
}
