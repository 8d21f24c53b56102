package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/flows"
	"cloudorder/i18n"
)

// explainOptions are the options of `cloudorder explain`.
type explainOptions struct{ output string }

// newExplainCmd is `cloudorder explain [API [FIELD-PATH]]`; runExplain does the work.
func newExplainCmd(c *cli) *cobra.Command {
	var opts explainOptions
	cmd := &cobra.Command{
		Use:   c.say(i18n.T("explain [API [FIELD-PATH]] [flags]", "explain [接口 [字段路径]] [选项]")),
		Short: c.say(i18n.T("what an API's fields, values and rules mean, offline", "离线查看接口的字段、取值与规则的含义")),
		Long: c.say(i18n.T("Explain, offline, what cloudorder knows of the APIs: without an argument the APIs, with an API "+
			"its fields as a tree, with a field path that field in full.",
			"离线说明 cloudorder 所知的接口:不带参数列出接口;给出接口则以树形列出其字段;再给出字段路径则完整说明该字段。")),
		Example: "cloudorder explain\ncloudorder explain huawei/dsc/CreateProductOrder\n" +
			"cloudorder explain huawei/dsc/CreateProductOrder body.period_type --lang zh",
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) > 2 {
				return usageError{i18n.Tf("takes at most an API and a field path, got %d arguments", "最多需要一个接口和一个字段路径,实际给出 %d 个参数", len(args))}
			}
			return nil
		},
		ValidArgsFunction: c.apiIDs(1),
	}
	c.runWithOutput(cmd, &opts.output, func(args []string) int { return runExplain(c, opts, args) })
	return cmd
}

// runExplain shows, offline, what cloudorder knows of the APIs from their declarations
// (flows): no argument lists the APIs; an API lists its fields as a tree; API FIELD-PATH shows
// one field in full. Exit 0 shown · 2 usage error, unknown API or field.
func runExplain(c *cli, opts explainOptions, args []string) int {
	if len(args) == 0 {
		return explainAPIs(c, opts.output)
	}
	api := findAPI(c, "explain", args[0])
	if api == nil {
		return exitUsage
	}
	doc := api.Doc()
	if len(args) == 1 {
		if opts.output == "json" {
			writeJSONLine(c.stdout, doc)
			return exitOK
		}
		fmt.Fprint(c.stdout, c.apiHeader(doc))
		fmt.Fprint(c.stdout, c.fieldTree(doc))
		return exitOK
	}
	fields, ok := api.FieldDoc(args[1])
	if !ok {
		var paths []string
		for _, f := range doc.Fields {
			paths = append(paths, f.Path)
		}
		fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder explain: %s has no field %q; its fields are:\n  %s",
			"cloudorder explain:%s 没有字段 %q;它的字段为:\n  %s", api.ID, args[1], strings.Join(paths, "\n  "))))
		return exitUsage
	}
	if opts.output == "json" {
		writeJSONLine(c.stdout, struct {
			API       flows.APIID      `json:"api"`
			Field     flows.FieldDoc   `json:"field"`
			SubFields []flows.FieldDoc `json:"sub_fields,omitempty"`
		}{api.ID, fields[0], fields[1:]})
		return exitOK
	}
	fmt.Fprint(c.stdout, c.fieldInFull(fields))
	return exitOK
}

// findAPI returns the API named id, or says which exist (cmd names the command).
func findAPI(c *cli, cmd, id string) *flows.API {
	if api := catalog.Flow(flows.APIID(id)); api != nil {
		return api
	}
	var ids []string
	for _, a := range catalog.Flows() {
		ids = append(ids, string(a.ID))
	}
	fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder %s: unknown API %q: use one of %s", "cloudorder %s:未知接口 %q:请使用 %s 之一",
		cmd, id, strings.Join(ids, ", "))))
	return nil
}

// explainAPIs lists the APIs.
func explainAPIs(c *cli, output string) int {
	if output == "json" {
		type apiItem struct {
			API    flows.APIID `json:"api"`
			Title  i18n.Text   `json:"title"`
			Help   i18n.Text   `json:"help"`
			Method string      `json:"method"`
			Path   string      `json:"path"`
			DocURL string      `json:"doc_url"`
		}
		var out []apiItem
		for _, a := range catalog.Flows() {
			out = append(out, apiItem{a.ID, a.Title, a.Help, a.Method, a.Path, a.DocURL})
		}
		writeJSONLine(c.stdout, out)
		return exitOK
	}
	var b strings.Builder
	b.WriteString(c.say(i18n.T("APIs cloudorder orders with (cloudorder explain API shows an API's fields):\n",
		"cloudorder 支持的下单接口(cloudorder explain 接口 显示接口的字段):\n")))
	for _, a := range catalog.Flows() {
		fmt.Fprintf(&b, "\n%s\n", a.ID)
		b.WriteString(wrapIndent(c.say(a.Title), 4))
		b.WriteString(wrapIndent(c.say(a.Help), 4))
		b.WriteString(wrapIndent(a.Method+" "+a.Path, 4))
		b.WriteString(wrapIndent(a.DocURL, 4))
	}
	fmt.Fprint(c.stdout, b.String())
	return exitOK
}

// apiHeader is the top of an API's explanation.
func (c *cli) apiHeader(d flows.APIDoc) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", d.ID)
	b.WriteString(wrapIndent(c.say(d.Title), 2))
	b.WriteString(wrapIndent(c.say(d.Help), 2))
	b.WriteString(wrapIndent(d.Method+" "+d.Path, 2))
	b.WriteString(labelled(c.say(i18n.T("Docs: ", "文档:")), d.DocURL, 2))
	return b.String()
}

// fieldTree lists every field: path, type, required or not, help, values, default, bounds,
// and the API's rules across fields at the end.
func (c *cli) fieldTree(d flows.APIDoc) string {
	var b strings.Builder
	b.WriteString("\n" + c.say(i18n.T("Fields — cloudorder explain API FIELD-PATH shows one in full:\n",
		"字段 — cloudorder explain 接口 字段路径 显示单个字段的全部信息:\n")))
	for _, f := range d.Fields {
		ind := 2 * f.Depth
		fmt.Fprintf(&b, "\n%s", wrapIndent(f.Path+" · "+c.say(fieldKind(f)), ind))
		if help := c.labelledHelp(f); help != "" {
			b.WriteString(wrapIndent(help, ind+4))
		}
		if v := c.valuesLine(f); v != "" {
			b.WriteString(wrapIndent(v, ind+4))
		}
		if v := c.defaultLine(f); v != "" {
			b.WriteString(wrapIndent(v, ind+4))
		}
		if v := c.boundsLine(f); v != "" {
			b.WriteString(wrapIndent(v, ind+4))
		}
		if !f.AppliesWhen.IsZero() {
			b.WriteString(wrapIndent(c.say(i18n.Tf("applies only %s", "仅适用于%s", f.AppliesWhen)), ind+4))
		}
	}
	if len(d.Rules) > 0 {
		b.WriteString("\n" + c.say(i18n.T("Rules across fields:\n", "跨字段规则:\n")))
		for _, r := range d.Rules {
			b.WriteString(bullet(c.say(r.Says), 2))
		}
	}
	return b.String()
}

// labelledHelp is "Label. Help" in the session's language ("" for the body, which has none).
func (c *cli) labelledHelp(f flows.FieldDoc) string {
	label, help := c.say(f.Label), c.say(f.Help)
	switch {
	case label == "" || help == "":
		return label + help
	case c.lang == i18n.ZH:
		return label + "。" + help
	}
	return label + ". " + help
}

// labelled is "label value" on one line when it fits, else the value on its own line under
// the label (a URL is never broken).
func labelled(label, value string, indent int) string {
	if ansi.StringWidth(label+value)+indent <= docWidth {
		return strings.Repeat(" ", indent) + label + value + "\n"
	}
	return wrapIndent(strings.TrimSpace(label), indent) + wrapIndent(value, indent+2)
}

// bullet is a wrapped list item: "- " then the text, its later lines under the text.
func bullet(text string, indent int) string {
	w := wrapIndent(text, indent+2)
	return strings.Repeat(" ", indent) + "- " + w[indent+2:]
}

// fieldKind is "string, required", "integer, optional", "object" …, and "not sent" for the
// wizard's own questions.
func fieldKind(f flows.FieldDoc) i18n.Text {
	t := i18n.Text{EN: f.Type, ZH: f.Type}
	switch {
	case f.Local:
		return i18n.Tf("%s, asked by the wizard, not sent", "%s,向导询问,不发送", t)
	case f.Required && !f.AppliesWhen.IsZero():
		return i18n.Tf("%s, required where it applies", "%s,适用时必填", t)
	case f.Required:
		return i18n.Tf("%s, required", "%s,必填", t)
	case f.Type == "object" && f.Depth == 0:
		return t
	}
	return i18n.Tf("%s, optional", "%s,可选", t)
}

// valuesLine is "values: a, b" (or "suggested values: …" when others are accepted).
func (c *cli) valuesLine(f flows.FieldDoc) string {
	if len(f.Values) == 0 || f.Type == "boolean" {
		return ""
	}
	vals := make([]string, len(f.Values))
	for i, v := range f.Values {
		vals[i] = v.Value
	}
	list := strings.Join(vals, ", ")
	switch {
	case f.Open:
		return c.say(i18n.Tf("suggested values (others accepted): %s", "建议取值(也接受其他值):%s", list))
	case f.ValuesBy != nil:
		return c.say(i18n.Tf("values: %s (depending on %s)", "取值:%s(取决于 %s)", list, f.ValuesBy.Path))
	}
	return c.say(i18n.Tf("values: %s", "取值:%s", list))
}

// defaultLine is "default: X", noting a default that follows other answers.
func (c *cli) defaultLine(f flows.FieldDoc) string {
	if v := c.defaultText(f); v != "" {
		return c.say(i18n.T("default: ", "默认值:")) + v
	}
	return ""
}

// defaultText is the default the wizard starts from, and whether it follows other answers.
func (c *cli) defaultText(f flows.FieldDoc) string {
	switch {
	case f.Default == "" && f.DefaultFollows:
		return c.say(i18n.T("derived from other answers", "由其他回答推导"))
	case f.Default == "":
		return ""
	case f.DefaultFollows:
		return c.say(i18n.Tf("%s (follows other answers until set)", "%s(在设置前随其他回答变化)", f.Default))
	}
	return f.Default
}

// boundsLine states numeric bounds, item counts, lengths and patterns.
func (c *cli) boundsLine(f flows.FieldDoc) string {
	var parts []string
	if f.Minimum != nil && f.Maximum != nil {
		parts = append(parts, c.say(i18n.Tf("from %d to %d", "%d 到 %d", *f.Minimum, *f.Maximum)))
	} else if f.Minimum != nil {
		parts = append(parts, c.say(i18n.Tf("at least %d", "至少 %d", *f.Minimum)))
	} else if f.Maximum != nil {
		parts = append(parts, c.say(i18n.Tf("at most %d", "至多 %d", *f.Maximum)))
	}
	if f.MultipleOf > 0 {
		parts = append(parts, c.say(i18n.Tf("a multiple of %d", "%d 的倍数", f.MultipleOf)))
	}
	switch {
	case f.MinItems > 0 && f.MaxItems > 0:
		parts = append(parts, c.say(i18n.Tf("%d–%d items", "%d–%d 项", f.MinItems, f.MaxItems)))
	case f.MinItems > 0:
		parts = append(parts, c.say(i18n.Tf("at least %d item(s)", "至少 %d 项", f.MinItems)))
	case f.MaxItems > 0:
		parts = append(parts, c.say(i18n.Tf("at most %d items", "最多 %d 项", f.MaxItems)))
	}
	if f.MinLength > 0 || f.MaxLength > 0 {
		parts = append(parts, c.say(i18n.Tf("%d–%s characters", "%d–%s 个字符", f.MinLength, maxText(f.MaxLength))))
	}
	if f.Pattern != "" {
		parts = append(parts, c.say(i18n.Tf("pattern %s", "格式 %s", f.Pattern)))
	}
	if len(parts) == 0 {
		return ""
	}
	return c.say(i18n.T("bounds: ", "范围:")) + strings.Join(parts, "; ")
}

func maxText(n int) string {
	if n == 0 {
		return "∞"
	}
	return strconv.Itoa(n)
}

// fieldInFull is one field with everything declared about it, then its sub-fields' paths.
func (c *cli) fieldInFull(fields []flows.FieldDoc) string {
	f := fields[0]
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", f.Path)
	b.WriteString(wrapIndent(c.say(f.Label)+" · "+c.say(fieldKind(f)), 2))
	b.WriteString(wrapIndent(c.say(f.Help), 2))
	section := func(title i18n.Text, text string) {
		if text == "" {
			return
		}
		b.WriteString("\n" + wrapIndent(c.say(title), 2))
		b.WriteString(wrapIndent(text, 4))
	}
	if f.Required {
		section(i18n.T("Required because", "必填原因"), c.say(f.RequiredWhy))
	}
	if len(f.Values) > 0 {
		b.WriteString("\n" + wrapIndent(c.say(valuesTitle(f)), 2))
		for _, v := range f.Values {
			text := v.Value + " — " + c.say(v.Label)
			if h := c.say(v.Help); h != "" {
				text += ": " + h
			}
			b.WriteString(bullet(text, 4))
		}
	}
	if f.ValuesBy != nil {
		b.WriteString("\n" + wrapIndent(c.say(i18n.Tf("Values by %s", "取值随 %s 变化", f.ValuesBy.Path)), 2))
		for _, vc := range f.ValuesBy.Cases {
			b.WriteString(bullet(vc.When+" → "+strings.Join(vc.Values, ", "), 4))
		}
	}
	section(i18n.T("Default", "默认值"), c.defaultText(f))
	section(i18n.T("Bounds", "范围"), strings.TrimPrefix(c.boundsLine(f), c.say(i18n.T("bounds: ", "范围:"))))
	if f.Pattern != "" && !f.PatternRule.IsZero() {
		section(i18n.T("Otherwise", "不符合时"), c.say(f.PatternRule))
	}
	if !f.AppliesWhen.IsZero() {
		section(i18n.T("Applies", "适用范围"), c.say(i18n.Tf("only %s", "仅%s", f.AppliesWhen)))
	}
	section(i18n.T("Rule", "规则"), c.say(f.Rule))
	if len(f.Rules) > 0 {
		b.WriteString("\n" + wrapIndent(c.say(i18n.T("Rules across fields", "跨字段规则")), 2))
		for _, r := range f.Rules {
			b.WriteString(bullet(c.say(r), 4))
		}
	}
	section(i18n.T("Where the docs are silent, cloudorder decided", "文档未说明之处,cloudorder 的决定"), c.say(f.Decision))
	if f.Local {
		section(i18n.T("Not sent", "不发送"), c.say(i18n.T("The wizard asks this to shape the order; the order file and the request never carry it.",
			"向导询问此项以决定订单内容;订单文件与请求都不包含它。")))
	}
	if f.Lookup != "" {
		section(i18n.T("Look-up", "查询"), c.say(i18n.Tf("the wizard also offers values from the account (%s)", "向导还会提供账号中的取值(%s)", f.Lookup)))
	}
	if f.ItemCode != "" {
		text := c.say(i18n.Tf(`sent as {"Code": %q, "Value": …}`, `发送为 {"Code": %q, "Value": …}`, f.ItemCode))
		if f.ItemName != "" {
			text = c.say(i18n.Tf(`sent as {"Code": %q, "Value": …, "Name": %q}`, `发送为 {"Code": %q, "Value": …, "Name": %q}`, f.ItemCode, f.ItemName))
		}
		section(i18n.T("In the body", "请求体中"), text)
	}
	section(i18n.T("Docs", "文档"), f.DocURL)
	if len(fields) > 1 {
		b.WriteString("\n" + wrapIndent(c.say(i18n.T("Sub-fields", "子字段")), 2))
		for _, sub := range fields[1:] {
			b.WriteString(wrapIndent(sub.Path+" · "+c.say(fieldKind(sub)), 4+2*(sub.Depth-f.Depth-1)))
		}
	}
	return b.String()
}

func valuesTitle(f flows.FieldDoc) i18n.Text {
	if f.Open {
		return i18n.T("Suggested values (others accepted)", "建议取值(也接受其他值)")
	}
	return i18n.T("Values", "取值")
}
