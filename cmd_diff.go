package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"math/big"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"cloudorder/catalog"
	"cloudorder/config"
	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/journal"
)

// diffOptions are the options of `cloudorder diff`.
type diffOptions struct {
	cloudFlags // no --profile or --timeout: the SDKs' usual credentials, cloud.Open's wait
	output     string
}

// newDiffCmd is `cloudorder diff A B`; runDiff does the work.
func newDiffCmd(c *cli) *cobra.Command {
	var opts diffOptions
	cmd := &cobra.Command{
		Use: c.say(i18n.T("diff A B [flags]", "diff A B [选项]")),
		Short: c.say(i18n.T("what differs between two orders (files or history entries), with meanings and the price difference",
			"两个订单(文件或历史记录)的差异,附含义与价格差")),
		Long: c.say(i18n.T("Compare two orders by meaning: JSON paths changed, added and removed, with old and new values and "+
			"what they mean; key order and white space do not count. A and B are order files (- is standard input) or "+
			"history entry ids. The price difference is shown when both can be priced (--sandbox: the sandbox's price "+
			"inquiry; otherwise the cloud's, when credentials exist). Exit 0 the same order, 1 different, 2 unreadable.",
			"按含义比较两个订单:列出变更、新增和删除的 JSON 路径、新旧取值及其含义;键的顺序与空白不计。A、B 为订单文件"+
				"(- 为标准输入)或历史记录 ID。两者都能询价时显示价格差(--sandbox:模拟服务的询价;否则在有凭证时使用云平台询价)。"+
				"退出码 0 相同,1 不同,2 无法读取。")),
		Example:           "cloudorder diff old.json new.json\ncloudorder diff order.json 3f2a --output json\ncloudorder diff a.json b.json --sandbox",
		Args:              exactArgs(2, i18n.T("two orders: files or history entry ids", "两个订单:文件或历史记录 ID")),
		ValidArgsFunction: orderFiles(2),
	}
	c.runWithOutput(cmd, &opts.output, func(args []string) int { return runDiff(c, opts, args) })
	fs := cmd.Flags()
	fs.BoolVar(&opts.sandbox, "sandbox", false, c.say(i18n.T("price both orders with the in-process sandbox's price inquiry", "用内置模拟服务的询价接口为两个订单询价")))
	c.endpointFlag(fs, &opts.endpoint)
	return cmd
}

// diffSide is one of the two orders compared: an order file, or a history entry's order.
type diffSide struct {
	Name  string      `json:"name"`  // as given on the command line
	Entry string      `json:"entry"` // the history entry id, when it came from the history
	API   flows.APIID `json:"api"`
	api   *flows.API
	doc   any // the order file as decoded JSON (numbers as json.Number)
	order flows.Order
	valid bool // no blocking problem: it is the order submit would send
}

// Change is one JSON path that differs between the two orders.
type Change struct {
	Path   string    `json:"path"`
	Change string    `json:"change"` // changed, added or removed
	Old    string    `json:"old,omitempty"`
	New    string    `json:"new,omitempty"`
	Field  i18n.Text `json:"field,omitzero"` // what the field is (its label)
	// OldMeaning and NewMeaning are what the documented values mean.
	OldMeaning i18n.Text `json:"old_meaning,omitzero"`
	NewMeaning i18n.Text `json:"new_meaning,omitzero"`
}

// priceDiff is both orders' prices and the difference, or why there is none.
type priceDiff struct {
	Old      string    `json:"old,omitempty"`
	New      string    `json:"new,omitempty"`
	Delta    string    `json:"delta,omitempty"`
	Currency string    `json:"currency,omitempty"`
	Note     i18n.Text `json:"note,omitzero"` // why there is no delta
}

// runDiff compares two orders by meaning — JSON paths changed, added and removed, with old and
// new values and what they mean (flows), key order and white space ignored — and their
// prices when both can be priced. Each side is an order file ("-" is standard input) or a
// history entry id. Exit 0 the same order · 1 different · 2 usage error or unreadable side.
func runDiff(c *cli, opts diffOptions, args []string) int {
	if args[0] == "-" && args[1] == "-" {
		fmt.Fprintln(c.stderr, c.say(i18n.T("cloudorder diff: only one side can be standard input", "cloudorder diff:只能有一侧是标准输入")))
		return exitUsage
	}
	a, ok := c.diffSide(args[0])
	if !ok {
		return exitUsage
	}
	b, ok := c.diffSide(args[1])
	if !ok {
		return exitUsage
	}
	changes := diffOrders(a, b)
	price := c.diffPrice(opts, a, b)
	if opts.output == "json" {
		writeJSONLine(c.stdout, struct {
			A       diffSide  `json:"a"`
			B       diffSide  `json:"b"`
			Same    bool      `json:"same"`
			Changes []Change  `json:"changes"`
			Price   priceDiff `json:"price"`
		}{a, b, len(changes) == 0, append([]Change{}, changes...), price})
	} else {
		fmt.Fprint(c.stdout, c.diffText(a, b, changes, price))
	}
	if len(changes) > 0 {
		return 1
	}
	return exitOK
}

// diffSide reads one side: the file named name (read once, strictly), or, when no such file
// exists, the history entry it names.
func (c *cli) diffSide(name string) (diffSide, bool) {
	s := diffSide{Name: name}
	_, statErr := os.Stat(name)
	if name != "-" && errors.Is(statErr, fs.ErrNotExist) {
		e, ok := findEntryQuiet(c, name)
		if !ok {
			fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder diff: %s is neither an order file nor a history entry (cloudorder history lists the ids)",
				"cloudorder diff:%s 既不是订单文件也不是历史记录(cloudorder history 列出记录 ID)", name)))
			return s, false
		}
		o, isOrder := entryOrder(e)
		if !isOrder {
			fmt.Fprintln(c.stderr, c.say(i18n.Tf("cloudorder diff: history entry %s is %s, not an order", "cloudorder diff:历史记录 %s 是 %s,不是订单", e.Intent.ID, e.Intent.API)))
			return s, false
		}
		data, err := o.MarshalFile()
		if err != nil {
			fmt.Fprintf(c.stderr, "cloudorder diff: %v\n", err)
			return s, false
		}
		s.Entry = e.Intent.ID
		return c.fillSide(s, data)
	}
	data, err := readLimited(name, c)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %s: %s\n", name, c.say(i18n.T("cannot read", "无法读取")), c.say(i18n.TextOf(unwrapPath(err))))
		return s, false
	}
	return c.fillSide(s, data)
}

// fillSide parses an order file's bytes once: the order flows reads (what submit would send)
// and the same bytes as JSON, for the diff.
func (c *cli) fillSide(s diffSide, data []byte) (diffSide, bool) {
	api, answers, problems, err := catalog.Flows().Load(data)
	if err != nil {
		fmt.Fprintf(c.stderr, "%s: %s\n", s.Name, c.say(i18n.TextOf(err)))
		return s, false
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&s.doc); err != nil {
		fmt.Fprintf(c.stderr, "%s: %v\n", s.Name, err)
		return s, false
	}
	s.api = api
	if api != nil {
		s.API = api.ID
		s.order = api.Build(answers)
		s.valid = !flows.Blocking(problems)
	}
	return s, true
}

// findEntryQuiet finds the one history entry id names, saying nothing when there is none.
func findEntryQuiet(c *cli, id string) (journal.Entry, bool) {
	h, err := journal.Load(config.HistoryPath(c.getenv))
	if err != nil {
		return journal.Entry{}, false
	}
	e, n := entryByID(h.Entries, id)
	return e, n == 1
}

// diffOrders lists what differs, in the order of the first file's fields.
func diffOrders(a, b diffSide) []Change {
	api := a.api
	if api == nil {
		api = b.api
	}
	var out []Change
	walkDiff(api, "", normalize(api, "", a.doc), normalize(api, "", b.doc), &out)
	return out
}

// normalize turns Alibaba's InstanceProperties lists ([{"Code", "Value", "Name"}]) into an
// object keyed by Code, so that a reordered list is the same and a changed property is named
// by its code (body.Products[0].InstanceProperties.region), as validation names it.
func normalize(api *flows.API, path string, v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, sub := range x {
			out[k] = normalize(api, joinPath(path, k), sub)
		}
		return out
	case []any:
		if api != nil {
			if f := api.FieldAt(path); f != nil && f.Kind == flows.Properties {
				if m, ok := propertiesByCode(x); ok {
					return m
				}
			}
		}
		out := make([]any, len(x))
		for i, sub := range x {
			out[i] = normalize(api, path+"["+strconv.Itoa(i)+"]", sub)
		}
		return out
	}
	return v
}

// propertiesByCode keys a property list by Code: Value, and Name as "<code>.Name" when given.
func propertiesByCode(items []any) (map[string]any, bool) {
	out := map[string]any{}
	for _, it := range items {
		obj, ok := it.(map[string]any)
		code, okc := obj["Code"].(string)
		if !ok || !okc {
			return nil, false
		}
		if _, dup := out[code]; dup {
			return nil, false
		}
		out[code] = obj["Value"]
		if name, has := obj["Name"]; has {
			out[code+".Name"] = name
		}
	}
	return out, true
}

func joinPath(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + "." + name
}

// walkDiff compares two decoded values at path.
func walkDiff(api *flows.API, path string, x, y any, out *[]Change) {
	xo, xObj := x.(map[string]any)
	yo, yObj := y.(map[string]any)
	if xObj && yObj {
		for _, k := range unionKeys(api, path, xo, yo) {
			xv, inX := xo[k]
			yv, inY := yo[k]
			p := joinPath(path, k)
			switch {
			case inX && inY:
				walkDiff(api, p, xv, yv, out)
			case inX:
				*out = append(*out, change(api, p, "removed", xv, nil))
			default:
				*out = append(*out, change(api, p, "added", nil, yv))
			}
		}
		return
	}
	xa, xArr := x.([]any)
	ya, yArr := y.([]any)
	if xArr && yArr {
		for i := range max(len(xa), len(ya)) {
			p := path + "[" + strconv.Itoa(i) + "]"
			switch {
			case i < len(xa) && i < len(ya):
				walkDiff(api, p, xa[i], ya[i], out)
			case i < len(xa):
				*out = append(*out, change(api, p, "removed", xa[i], nil))
			default:
				*out = append(*out, change(api, p, "added", nil, ya[i]))
			}
		}
		return
	}
	if !sameValue(x, y) {
		*out = append(*out, change(api, path, "changed", x, y))
	}
}

// unionKeys lists both objects' keys: the declared fields' order first, then the rest sorted.
func unionKeys(api *flows.API, path string, x, y map[string]any) []string {
	var keys []string
	if api != nil {
		var fields []*flows.Field
		if path == "" {
			fields = api.Fields
		} else if f := api.FieldAt(path); f != nil {
			fields = f.Fields
		}
		if path == "" {
			keys = append(keys, "api")
		}
		for _, f := range fields {
			keys = append(keys, f.Name, f.Name+".Name")
		}
	}
	var rest []string
	for _, m := range []map[string]any{x, y} {
		for k := range m {
			if !slices.Contains(keys, k) && !slices.Contains(rest, k) {
				rest = append(rest, k)
			}
		}
	}
	slices.Sort(rest)
	keys = append(keys, rest...)
	var out []string
	for _, k := range keys {
		_, inX := x[k]
		_, inY := y[k]
		if inX || inY {
			out = append(out, k)
		}
	}
	return out
}

// sameValue compares scalars by meaning: numbers as numbers (1 and 1.0 are the same).
func sameValue(x, y any) bool {
	xn, xNum := x.(json.Number)
	yn, yNum := y.(json.Number)
	if xNum && yNum {
		a, okA := new(big.Rat).SetString(xn.String())
		b, okB := new(big.Rat).SetString(yn.String())
		return okA && okB && a.Cmp(b) == 0
	}
	if xNum != yNum {
		return false
	}
	xj, _ := json.Marshal(x)
	yj, _ := json.Marshal(y)
	return bytes.Equal(xj, yj)
}

// change describes one difference with the field's label and what the values mean.
func change(api *flows.API, path, kind string, old, new any) Change {
	ch := Change{Path: path, Change: kind, Old: jsonText(old), New: jsonText(new)}
	if api == nil {
		return ch
	}
	f := api.FieldAt(strings.TrimSuffix(path, ".Name"))
	if f == nil {
		return ch
	}
	ch.Field = f.Label
	if strings.HasSuffix(path, ".Name") && f.Kind.IsScalar() {
		ch.Field = i18n.Tf("%s (its Name)", "%s(Name)", f.Label)
		return ch
	}
	ch.OldMeaning, ch.NewMeaning = meaning(f, old), meaning(f, new)
	return ch
}

// meaning is what a documented value means: its label, and its help.
func meaning(f *flows.Field, v any) i18n.Text {
	if v == nil {
		return i18n.Text{}
	}
	text := strings.Trim(jsonText(v), `"`)
	for _, o := range f.Options {
		if o.Value == text {
			if o.Help.IsZero() {
				return o.Label
			}
			return i18n.T(o.Label.EN+" — "+o.Help.EN, o.Label.ZH+" — "+o.Help.ZH)
		}
	}
	return i18n.Text{}
}

// jsonText is a value as compact JSON ("" for none).
func jsonText(v any) string {
	if v == nil {
		return ""
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(b.String())
}

// diffPrice prices both orders with the price inquiry of where they would go (the sandbox's
// with --sandbox; the cloud's when credentials exist) and subtracts, or says why not.
func (c *cli) diffPrice(opts diffOptions, a, b diffSide) priceDiff {
	if !a.valid || !b.valid {
		return priceDiff{Note: i18n.T("not priced: an order with problems is not the order that would be sent (cloudorder validate)",
			"未询价:有问题的订单不是将要发送的订单(cloudorder validate)")}
	}
	mode, p, closer, err := opts.open(c)
	if err != nil {
		return priceDiff{Note: providers.PriceUnknown(printable(err))}
	}
	defer closer.Close()
	price := func(o flows.Order) placement.Price {
		return priceOf(context.Background(), p, placement.NewReview(p, mode, catalog.Flow(o.API), o))
	}
	pa, pb := price(a.order), price(b.order)
	for _, pr := range []placement.Price{pa, pb} {
		switch {
		case pr.None:
			return priceDiff{Note: i18n.T("not priced: no price inquiry from here", "未询价:此处无询价接口")}
		case pr.Err != nil:
			return priceDiff{Note: providers.PriceUnknown(printable(pr.Err))}
		case !pr.Quote.Priced:
			return priceDiff{Note: pr.Quote.Note}
		case len(pr.Mismatches) > 0:
			return priceDiff{Note: pr.Lines()[0]}
		}
	}
	out := priceDiff{Old: pa.Quote.Total, New: pb.Quote.Total, Currency: pa.Quote.Currency}
	if pa.Quote.Currency != pb.Quote.Currency {
		out.Currency = ""
		out.Note = i18n.Tf("priced in different currencies (%s, %s): no difference computed", "币种不同(%s、%s):不计算差额",
			pa.Quote.Currency, pb.Quote.Currency)
		return out
	}
	x, okX := new(big.Rat).SetString(pa.Quote.Total)
	y, okY := new(big.Rat).SetString(pb.Quote.Total)
	if !okX || !okY {
		out.Note = i18n.T("the prices are not decimal numbers: no difference computed", "价格不是十进制数:不计算差额")
		return out
	}
	d := new(big.Rat).Sub(y, x)
	out.Delta = d.FloatString(decimals(pa.Quote.Total, pb.Quote.Total))
	if d.Sign() > 0 {
		out.Delta = "+" + out.Delta
	}
	return out
}

// decimals is the larger number of decimal places of two amounts, so "3750.00" − "1.5"
// keeps cents.
func decimals(amounts ...string) int {
	n := 0
	for _, a := range amounts {
		if i := strings.IndexByte(a, '.'); i >= 0 {
			n = max(n, len(a)-i-1)
		}
	}
	return n
}

// printable is err's message shown inert (it may quote a server).
func printable(err error) error { return errors.New(providers.Printable(err.Error())) }

// diffText is the diff as a person reads it.
func (c *cli) diffText(a, b diffSide, changes []Change, price priceDiff) string {
	var sb strings.Builder
	side := func(mark string, s diffSide) {
		name := s.Name
		if s.Entry != "" {
			name = c.say(i18n.Tf("history entry %s", "历史记录 %s", s.Entry))
		}
		fmt.Fprintf(&sb, "%s %s (%s)\n", mark, providers.Printable(name), providers.Printable(string(s.API)))
	}
	side("---", a)
	side("+++", b)
	if len(changes) == 0 {
		sb.WriteString(c.say(i18n.T("no difference: the same order (key order and white space aside)\n",
			"没有差异:同一个订单(键的顺序与空白除外)\n")))
	}
	for _, ch := range changes {
		mark := map[string]string{"changed": "~", "added": "+", "removed": "-"}[ch.Change]
		head := mark + " " + providers.Printable(ch.Path)
		if !ch.Field.IsZero() {
			head += "  (" + c.say(ch.Field) + ")"
		}
		sb.WriteString("\n" + wrapIndent(head, 0))
		value := func(v string, m i18n.Text) string {
			v = providers.Printable(v)
			if !m.IsZero() {
				v += " " + c.say(i18n.Tf("[%s]", "[%s]", m))
			}
			return v
		}
		switch ch.Change {
		case "changed":
			sb.WriteString(wrapIndent(value(ch.Old, ch.OldMeaning)+" → "+value(ch.New, ch.NewMeaning), 4))
		case "added":
			sb.WriteString(wrapIndent(value(ch.New, ch.NewMeaning), 4))
		case "removed":
			sb.WriteString(wrapIndent(value(ch.Old, ch.OldMeaning), 4))
		}
	}
	sb.WriteString("\n")
	switch {
	case price.Delta != "":
		sb.WriteString(wrapIndent(c.say(i18n.Tf("price: %s → %s %s (%s %s) — list price from the cloud's price inquiry, before discounts",
			"价格:%s → %s %s(%s %s)— 云平台询价接口给出的官网价格,未计折扣",
			price.Old, price.New, price.Currency, price.Delta, price.Currency)), 0))
	case !price.Note.IsZero():
		sb.WriteString(wrapIndent(c.say(i18n.T("price: ", "价格:"))+c.say(price.Note), 0))
	}
	return sb.String()
}
