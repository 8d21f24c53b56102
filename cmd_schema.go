package main

import (
	"flag"
	"fmt"

	"cloudorder/i18n"
)

// schemaOptions are the options of `cloudorder schema`.
type schemaOptions struct{ lang string }

// cmdSchema parses schema's flags; runSchema does the work.
func cmdSchema(args []string, c *cli) int {
	var opts schemaOptions
	rest, code := c.parseFlags("schema", args, func(fs *flag.FlagSet) {
		c.langFlag(fs, &opts.lang)
	})
	if code >= 0 {
		return code
	}
	return runSchema(c, opts, rest)
}

// runSchema prints the JSON Schema (draft 2020-12) of an API's order file, generated from the
// declarations validation reads (flows.API.JSONSchema), descriptions in the session's
// language. Exit 0 printed · 2 usage error or unknown API.
func runSchema(c *cli, opts schemaOptions, args []string) int {
	if len(args) != 1 {
		fmt.Fprintln(c.stderr, c.usageLine("schema"))
		return exitUsage
	}
	if !c.applyLang(opts.lang) {
		return exitUsage
	}
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
