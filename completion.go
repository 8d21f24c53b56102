package main

import (
	"slices"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/i18n"
)

// newCompletionCmd is `cloudorder completion SHELL`: cobra's completion scripts, which ask
// the binary itself (cobra's hidden __complete command) for commands, flags and the values
// below, so they stay right as commands are added.
func newCompletionCmd(c *cli) *cobra.Command {
	shells := []string{"bash", "zsh", "fish", "powershell"}
	return &cobra.Command{
		Use:   "completion bash|zsh|fish|powershell",
		Short: c.say(i18n.T("print the shell completion script", "输出 shell 补全脚本")),
		Long: c.say(i18n.T("Print the completion script for a shell: commands, flags, API ids, profiles and order "+
			"files complete with Tab.", "输出某个 shell 的补全脚本:按 Tab 补全命令、选项、接口 ID、配置名与订单文件。")),
		Example: c.say(i18n.T(
			"source <(cloudorder completion bash)    # bash, this shell\n"+
				"cloudorder completion zsh > \"${fpath[1]}/_cloudorder\"\n"+
				"cloudorder completion fish > ~/.config/fish/completions/cloudorder.fish\n"+
				"cloudorder completion powershell | Out-String | Invoke-Expression",
			"source <(cloudorder completion bash)    # bash,当前 shell\n"+
				"cloudorder completion zsh > \"${fpath[1]}/_cloudorder\"\n"+
				"cloudorder completion fish > ~/.config/fish/completions/cloudorder.fish\n"+
				"cloudorder completion powershell | Out-String | Invoke-Expression")),
		ValidArgs: shells,
		Args: func(cmd *cobra.Command, args []string) error {
			what := i18n.T("one shell: bash, zsh, fish or powershell", "一个 shell:bash、zsh、fish 或 powershell")
			if err := exactArgs(1, what)(cmd, args); err != nil {
				return err
			}
			if !slices.Contains(shells, args[0]) {
				return usageError{i18n.Tf("takes %s, not %q", "需要%s,而不是 %q", what, args[0])}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			switch args[0] {
			case "bash":
				return root.GenBashCompletionV2(c.stdout, true)
			case "zsh":
				return root.GenZshCompletion(c.stdout)
			case "fish":
				return root.GenFishCompletion(c.stdout, true)
			default:
				return root.GenPowerShellCompletionWithDesc(c.stdout)
			}
		},
	}
}

// fixedWords completes a flag or argument from a fixed list.
func fixedWords(words ...string) cobra.CompletionFunc {
	return func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
		return words, cobra.ShellCompDirectiveNoFileComp
	}
}

// orderFiles completes the first n arguments (n < 0: every one) with order files: *.json and
// directories.
func orderFiles(n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if n >= 0 && len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return []string{"json"}, cobra.ShellCompDirectiveFilterFileExt
	}
}

// apiIDs completes the first n arguments with an API id from the catalog, its title as
// the description.
func (c *cli) apiIDs(n int) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if len(args) >= n {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		var ids []cobra.Completion
		for _, a := range catalog.Flows() {
			ids = append(ids, cobra.CompletionWithDesc(string(a.ID), c.say(a.Title)))
		}
		return ids, cobra.ShellCompDirectiveNoFileComp
	}
}

// completeProfiles completes --profile with the aliyun CLI profiles and Huawei credentials-file
// sections, as the config package reads them (config.ProfileNames: no secret, nothing read here).
func (c *cli) completeProfiles(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return config.ProfileNames(c.getenv), cobra.ShellCompDirectiveNoFileComp
}
