package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/clicmd"
)

// reviewOptions are the options of `cloudorder review`.
type reviewOptions struct {
	cloudFlags
	output, shell string
}

// newReviewCmd is `cloudorder review FILE`; runReview does the work.
func newReviewCmd(c *cli) *cobra.Command {
	var opts reviewOptions
	cmd := &cobra.Command{
		Use: c.say(i18n.T("review FILE [flags]", "review 文件 [选项]")),
		Short: c.say(i18n.T("the review as a document (target, summary, price, body, command, warnings, digest); sends nothing that buys",
			"以文档形式输出审阅(目标、摘要、价格、请求体、命令、警告、摘要值);不发送任何购买请求")),
		Long: c.say(i18n.T("Write the review of an order file as a document for a ticket or a pull request: where it goes, "+
			"what it buys, the price of the exact body (the sandbox's with --sandbox, the cloud's when credentials "+
			"exist, or why none), the body, the equivalent CLI command, warnings and the digest. "+
			"`cloudorder submit FILE --expect-digest DIGEST` then sends only that exact order.",
			"将订单文件的审阅写成文档,供工单或合并请求使用:发往何处、购买什么、此请求体的价格(--sandbox 时为模拟服务的,"+
				"有凭证时为云平台的,否则说明原因)、请求体、等效命令行命令、警告与摘要值。"+
				"之后 `cloudorder submit 文件 --expect-digest 摘要值` 只发送与之完全一致的订单。")),
		Example:           "cloudorder review order.json\ncloudorder review order.json --output markdown > review.md\ncloudorder review order.json --sandbox --output json",
		Args:              exactArgs(1, i18n.T("one order file", "一个订单文件")),
		ValidArgsFunction: orderFiles(1),
		RunE: func(_ *cobra.Command, args []string) error {
			return c.run(func() int {
				if !c.flagWord("output", opts.output, "text", "markdown", "json") || !c.positiveTimeout(opts.timeout) {
					return exitUsage
				}
				return runReview(c, opts, args)
			})
		},
	}
	c.outputFlag(cmd, &opts.output, "text", "markdown", "json")
	fs := cmd.Flags()
	fs.BoolVar(&opts.sandbox, "sandbox", false, c.say(i18n.T("review for the in-process sandbox: its target, its price inquiry (nothing is bought)",
		"按内置模拟服务审阅:其目标与询价(不会产生购买)")))
	c.endpointFlag(fs, &opts.endpoint)
	c.profileFlag(cmd, &opts.profile)
	c.timeoutFlag(fs, &opts.timeout)
	fs.StringVar(&opts.shell, "shell", "sh", c.say(i18n.T("the shell the equivalent command is written for: `sh|pwsh|cmd`", "等效命令所用的 shell:`sh|pwsh|cmd`")))
	return cmd
}

// reviewDoc is the review as a document: everything a reviewer approves, bound to the order
// by its digest (placement.Digest), which `submit --expect-digest` checks.
type reviewDoc struct {
	File      string          `json:"file"`
	API       flows.APIID     `json:"api"`
	Title     i18n.Text       `json:"title"`
	Region    string          `json:"region"`
	ProjectID string          `json:"project_id,omitempty"`
	Target    reviewTarget    `json:"target"`
	Summary   []summaryRow    `json:"summary"`
	Price     reviewPrice     `json:"price"`
	Body      json.RawMessage `json:"body"` // exactly the bytes submit sends
	Command   string          `json:"command,omitempty"`
	// CommandNote says why there is no command.
	CommandNote i18n.Text   `json:"command_note,omitzero"`
	Warnings    []i18n.Text `json:"warnings"`
	Digest      string      `json:"digest"`
	Submit      string      `json:"submit"` // the command that sends exactly this order
}

type reviewTarget struct {
	Mode       providers.Mode `json:"mode"`
	Banner     i18n.Text      `json:"banner"`
	Endpoint   string         `json:"endpoint"`
	Credential string         `json:"credential,omitempty"` // where it comes from and the masked key id, never a secret
}

type reviewPrice struct {
	Priced   bool        `json:"priced"`
	Total    string      `json:"total,omitempty"`
	Currency string      `json:"currency,omitempty"`
	Lines    []i18n.Text `json:"lines"` // the price as the review says it, or why there is none
}

// summaryRow is one value the order sets: its field's label and what the value means.
type summaryRow struct {
	Path    string    `json:"path"`
	Field   i18n.Text `json:"field"`
	Value   string    `json:"value"`
	Meaning i18n.Text `json:"meaning,omitzero"`
}

// runReview writes the review of an order file as a document for a ticket or a pull request
// — target, summary, price of the exact body, the body, the equivalent CLI command, warnings
// and the digest — and sends nothing that buys (a price inquiry at most). Exit 0 written ·
// 1 invalid order (its problems said, no review) · 2 usage error or unreadable file.
func runReview(c *cli, opts reviewOptions, args []string) int {
	sh, okShell := clicmd.ParseShell(opts.shell)
	if !okShell {
		c.flagWord("shell", opts.shell, "sh", "pwsh", "cmd")
		return exitUsage
	}
	name := args[0]
	api, answers, problems, code := readOrderFile(name, c)
	if code != exitOK {
		return code
	}
	if api == nil || flows.Blocking(problems) {
		printProblems(c, name, problems)
		fmt.Fprintln(c.stderr, c.say(i18n.T("no review: fix the order first (cloudorder validate)", "未生成审阅:请先修正订单(cloudorder validate)")))
		return exitInvalid
	}
	order := api.Build(answers)
	mode, p, closer, err := opts.open(c)
	if err != nil {
		fmt.Fprintf(c.stderr, "cloudorder review: %s\n", c.say(i18n.TextOf(err)))
		return exitUsage
	}
	defer closer.Close()
	r := placement.NewReview(p, mode, api, order)
	doc := c.reviewOf(name, api, r, p, problems, sh, opts)
	switch opts.output {
	case "json":
		writeJSONLine(c.stdout, doc)
	case "markdown":
		fmt.Fprint(c.stdout, c.reviewMarkdown(doc))
	default:
		fmt.Fprint(c.stdout, c.reviewText(doc))
	}
	return exitOK
}

// reviewOf computes the document from the lifecycle's review of the order.
func (c *cli) reviewOf(name string, api *flows.API, r placement.Review, p providers.Provider, problems []flows.Problem, sh clicmd.Shell, opts reviewOptions) reviewDoc {
	t := r.Target
	d := reviewDoc{File: name, API: api.ID, Title: api.Title, Region: r.Order.Region, ProjectID: r.Order.ProjectID,
		Target: reviewTarget{Mode: t.Mode, Banner: t.Mode.Banner(t.Endpoint)[0], Endpoint: t.Endpoint,
			Credential: strings.TrimSpace(t.Credential + " " + t.MaskedKey)},
		Summary: orderSummary(api, r.Order), Body: json.RawMessage(r.Body), Digest: r.Digest, Warnings: []i18n.Text{}}
	ctx, cancel := context.WithTimeout(context.Background(), opts.timeout)
	defer cancel()
	price := placement.PriceOf(ctx, p, nil, r)
	d.Price.Lines = price.Lines()
	if price.Err == nil && !price.None && price.Quote.Priced && len(price.Mismatches) == 0 {
		d.Price.Priced, d.Price.Total, d.Price.Currency = true, price.Quote.Total, price.Quote.Currency
	}
	if len(d.Price.Lines) == 0 {
		d.Price.Lines = []i18n.Text{providers.NoPriceInquiry}
	}
	if cmd, err := r.Command(sh, c.lang); err == nil {
		d.Command = cmd
	} else {
		d.CommandNote = i18n.TextOf(err)
	}
	for _, pr := range problems {
		d.Warnings = append(d.Warnings, i18n.Text{EN: providers.Printable(pr.Path) + ": " + pr.Msg.EN, ZH: providers.Printable(pr.Path) + ":" + pr.Msg.ZH})
	}
	if r.Unpaid {
		d.Warnings = append(d.Warnings, placement.UnpaidNote)
	}
	if dup, err := placement.CheckDuplicate(ctx, p, r); err == nil && dup.Found {
		d.Warnings = append(d.Warnings, placement.DescribeRecent(dup.Recent))
	}
	d.Submit = submitLine(name, r.Digest, opts)
	return d
}

// submitLine is the command that sends exactly the reviewed order, and nothing else.
func submitLine(name, digest string, opts reviewOptions) string {
	parts := []string{"cloudorder", "submit", clicmd.QuoteSH(name)}
	if opts.sandbox {
		parts = append(parts, "--sandbox")
	}
	if opts.endpoint != "" {
		parts = append(parts, "--endpoint", clicmd.QuoteSH(opts.endpoint))
	}
	if opts.profile != "" {
		parts = append(parts, "--profile", clicmd.QuoteSH(opts.profile))
	}
	return strings.Join(append(parts, "--expect-digest", digest), " ")
}

// orderSummary lists every value the order sets, with its field's label and what the value
// means (flows' declarations), in the order of the body.
func orderSummary(api *flows.API, o flows.Order) []summaryRow {
	data, err := o.MarshalFile()
	if err != nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if dec.Decode(&doc) != nil {
		return nil
	}
	var changes []Change
	walkDiff(api, "", map[string]any{}, normalize(api, "", doc), &changes)
	var out []summaryRow
	for _, ch := range changes {
		if ch.Path != "api" { // the review's head names the API
			out = append(out, leaves(api, ch.Path, ch.New)...)
		}
	}
	return out
}

// leaves flattens an added value (compact JSON) into one row per scalar.
func leaves(api *flows.API, path, raw string) []summaryRow {
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return nil
	}
	var out []summaryRow
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch x := v.(type) {
		case map[string]any:
			var changes []Change
			walkDiff(api, path, map[string]any{}, x, &changes)
			for _, ch := range changes {
				out = append(out, leaves(api, ch.Path, ch.New)...)
			}
		case []any:
			for i, it := range x {
				walk(fmt.Sprintf("%s[%d]", path, i), it)
			}
		default:
			ch := change(api, path, "added", nil, v)
			out = append(out, summaryRow{Path: path, Field: ch.Field, Value: ch.New, Meaning: ch.NewMeaning})
		}
	}
	walk(path, v)
	return out
}

// reviewText is the review for a terminal.
func (c *cli) reviewText(d reviewDoc) string {
	var b strings.Builder
	b.WriteString(c.say(i18n.Tf("Review of %s — nothing has been sent", "%s 的审阅 — 尚未发送任何内容", providers.Printable(d.File))) + "\n\n")
	b.WriteString(alignColumns(c.reviewFacts(d), 2))
	b.WriteString("\n" + c.say(i18n.T("Summary:", "摘要:")) + "\n")
	for _, s := range d.Summary {
		b.WriteString(bullet(c.summaryLine(s), 2))
	}
	b.WriteString("\n" + c.say(i18n.T("Price of this exact body:", "此请求体的价格:")) + "\n")
	for _, l := range d.Price.Lines {
		b.WriteString(bullet(c.say(l), 2))
	}
	b.WriteString("\n" + c.say(flows.BodyTitle) + ":\n" + indentBlock(bodyJSON(d.Body), 2))
	b.WriteString("\n" + c.say(i18n.T("Equivalent CLI command:", "等效命令行命令:")) + "\n")
	if d.Command != "" {
		b.WriteString(indentBlock(strings.TrimRight(d.Command, "\n"), 2))
	} else {
		b.WriteString(bullet(c.say(d.CommandNote), 2))
	}
	b.WriteString("\n" + c.say(i18n.T("Warnings:", "警告:")) + "\n")
	if len(d.Warnings) == 0 {
		b.WriteString("  " + c.say(i18n.T("none", "无")) + "\n")
	}
	for _, w := range d.Warnings {
		b.WriteString(bullet(c.say(w), 2))
	}
	b.WriteString("\n" + c.say(i18n.T("Digest: ", "摘要值:")) + d.Digest + "\n")
	b.WriteString(wrapIndent(c.say(i18n.T("Send exactly this order (refused if it changed):", "只发送此订单(若已改变则拒绝):")), 0))
	b.WriteString("  " + d.Submit + "\n")
	return b.String()
}

// reviewFacts are the review's head: what, where, as whom.
func (c *cli) reviewFacts(d reviewDoc) [][]string {
	rows := [][]string{
		{c.say(i18n.T("API", "接口")), string(d.API) + " — " + c.say(d.Title)},
		{c.say(i18n.T("Target", "目标")), c.say(d.Target.Banner)},
		{c.say(i18n.T("Endpoint", "接入地址")), dash(d.Target.Endpoint)},
		{c.say(i18n.T("Region", "区域")), providers.Printable(d.Region)},
	}
	if d.ProjectID != "" {
		rows = append(rows, []string{c.say(i18n.T("Project", "项目")), providers.Printable(d.ProjectID)})
	}
	if d.Target.Credential != "" {
		rows = append(rows, []string{c.say(i18n.T("Credential", "凭证")), d.Target.Credential})
	}
	return rows
}

func (c *cli) summaryLine(s summaryRow) string {
	line := providers.Printable(s.Path)
	if !s.Field.IsZero() {
		line += " (" + c.say(s.Field) + ")"
	}
	line += ": " + providers.Printable(s.Value)
	if !s.Meaning.IsZero() {
		line += " — " + c.say(s.Meaning)
	}
	return line
}

// reviewMarkdown is the review for a ticket or a pull request.
func (c *cli) reviewMarkdown(d reviewDoc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s\n\n", c.say(i18n.Tf("Order review: `%s`", "订单审阅:`%s`", mdCode(d.File))))
	b.WriteString(c.say(i18n.T("Nothing has been sent. Approve the digest below; `submit --expect-digest` sends only this exact order.",
		"尚未发送任何内容。请批准下方的摘要值;`submit --expect-digest` 只会发送与之完全一致的订单。")) + "\n\n")
	b.WriteString("| | |\n|---|---|\n")
	for _, r := range c.reviewFacts(d) {
		fmt.Fprintf(&b, "| %s | %s |\n", mdCell(r[0]), mdCell(r[1]))
	}
	fmt.Fprintf(&b, "| %s | `%s` |\n", c.say(i18n.T("Digest", "摘要值")), d.Digest)
	fmt.Fprintf(&b, "\n### %s\n\n", c.say(i18n.T("Summary", "摘要")))
	for _, s := range d.Summary {
		line := "`" + mdCode(s.Path) + "`"
		if !s.Field.IsZero() {
			line += " (" + mdCell(c.say(s.Field)) + ")"
		}
		line += ": `" + mdCode(s.Value) + "`"
		if !s.Meaning.IsZero() {
			line += " — " + mdCell(c.say(s.Meaning))
		}
		b.WriteString("- " + line + "\n")
	}
	fmt.Fprintf(&b, "\n### %s\n\n", c.say(i18n.T("Price of this exact body", "此请求体的价格")))
	for _, l := range d.Price.Lines {
		b.WriteString("- " + mdCell(c.say(l)) + "\n")
	}
	fmt.Fprintf(&b, "\n### %s\n\n```json\n%s\n```\n", c.say(flows.BodyTitle), bodyJSON(d.Body))
	fmt.Fprintf(&b, "\n### %s\n\n", c.say(i18n.T("Equivalent CLI command", "等效命令行命令")))
	if d.Command != "" {
		fmt.Fprintf(&b, "```sh\n%s\n```\n", strings.TrimRight(d.Command, "\n"))
	} else {
		b.WriteString(mdCell(c.say(d.CommandNote)) + "\n")
	}
	fmt.Fprintf(&b, "\n### %s\n\n", c.say(i18n.T("Warnings", "警告")))
	if len(d.Warnings) == 0 {
		b.WriteString(c.say(i18n.T("None.", "无。")) + "\n")
	}
	for _, w := range d.Warnings {
		b.WriteString("- " + mdCell(c.say(w)) + "\n")
	}
	fmt.Fprintf(&b, "\n### %s\n\n```sh\n%s\n```\n", c.say(i18n.T("Send exactly this order", "只发送此订单")), d.Submit)
	return b.String()
}

// bodyJSON is the body indented for reading, shown inert.
func bodyJSON(body []byte) string {
	var out bytes.Buffer
	if json.Indent(&out, body, "", "  ") != nil {
		return providers.Printable(string(body))
	}
	lines := strings.Split(out.String(), "\n")
	for i, l := range lines {
		lines[i] = providers.Printable(l)
	}
	return strings.Join(lines, "\n")
}

func indentBlock(s string, n int) string {
	pad := strings.Repeat(" ", n)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad) + "\n"
}

// mdCell makes text safe inside a Markdown table cell or list item: inert, no line breaks,
// no pipes.
func mdCell(s string) string {
	s = providers.Printable(s)
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// mdCode makes text safe inside `code`.
func mdCode(s string) string { return strings.ReplaceAll(providers.Printable(s), "`", "'") }

// normalizeDigest reads a digest as given to --expect-digest: 64 hex digits, optionally after
// "sha256:", any case; ok false for anything else.
func normalizeDigest(s string) (string, bool) {
	s = strings.ToLower(strings.TrimPrefix(strings.TrimSpace(s), "sha256:"))
	if len(s) != 64 {
		return "", false
	}
	if _, err := hex.DecodeString(s); err != nil {
		return "", false
	}
	return s, true
}

// badDigest says what --expect-digest takes.
func badDigest(v string) i18n.Text {
	return i18n.Tf("cloudorder: --expect-digest must be the 64 hex digits `cloudorder review` printed, not %q",
		"cloudorder:--expect-digest 必须是 `cloudorder review` 输出的 64 位十六进制摘要值,而不是 %q", v)
}

// checkExpectedDigest refuses, before anything is sent, an order whose digest (the lifecycle's
// review of it, placement.Review.Digest) is not the reviewed one (`submit --expect-digest`): the file, the target or the account changed since
// the review. expected "" means no digest was asked for. Returns exitOK to go on.
func checkExpectedDigest(c *cli, r placement.Review, expected string) int {
	if expected == "" {
		return exitOK
	}
	want, ok := normalizeDigest(expected)
	if !ok {
		fmt.Fprintln(c.stderr, c.say(badDigest(expected)))
		return exitUsage
	}
	r.Expect = want
	if r.Reviewed() {
		return exitOK
	}
	fmt.Fprintln(c.stderr, c.say(placement.NotReviewed(r.Digest, want)))
	return exitInvalid
}
