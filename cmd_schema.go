package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"cloudorder/i18n"
)

// schemaOptions are the options of `cloudorder schema` (none yet but --lang, which is global).
type schemaOptions struct{}

// newSchemaCmd is `cloudorder schema API`; runSchema does the work.
func newSchemaCmd(c *cli) *cobra.Command {
	return &cobra.Command{
		Use: c.say(i18n.T("schema API [flags]", "schema 接口 [选项]")),
		Short: c.say(i18n.T("print the JSON Schema (draft 2020-12) of the API's order file, for editors",
			"输出该接口订单文件的 JSON Schema(draft 2020-12),供编辑器使用")),
		Example:           "cloudorder schema huawei/dsc/CreateProductOrder > dsc.schema.json\ncloudorder schema alibaba/pai/CreateProductOrders --lang zh",
		Args:              exactArgs(1, i18n.T("one API id", "一个接口 ID")),
		ValidArgsFunction: c.apiIDs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int { return runSchema(c, schemaOptions{}, args) })
		},
	}
}

// runSchema prints the JSON Schema (draft 2020-12) of an API's order file, generated from the
// declarations validation reads (flows.API.JSONSchema), descriptions in the session's
// language. Exit 0 printed · 2 usage error or unknown API.
func runSchema(c *cli, _ schemaOptions, args []string) int {
	api := findAPI(c, "schema", args[0])
	if api == nil {
		return exitUsage
	}
	out, err := api.JSONSchema(c.lang)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder schema: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	_, _ = c.stdout.Write(out)
	return exitOK
}
