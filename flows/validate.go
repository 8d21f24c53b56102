package flows

import (
	"math"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"cloudorder/i18n"
	"cloudorder/inert"
)

// TerminalActive reports whether a rune must not reach a terminal as is (inert.Active): C0
// and C1 controls, DEL, line and paragraph separators, bidi controls, invalid UTF-8.
// providers.Printable escapes these in server text; an order's own values may not hold them.
func TerminalActive(r rune) bool { return inert.Active(r) }

func terminalActiveMsg(r rune) i18n.Text {
	return i18n.Tf("contains the control or text-direction character U+%04X: not allowed, since the review would not show what is sent",
		"包含控制字符或文字方向字符 U+%04X:不允许使用,否则确认页显示的内容与实际发送的不一致", r)
}

// terminalActiveIn returns the first TerminalActive rune of s.
func terminalActiveIn(s string) (rune, bool) {
	for _, r := range s {
		if TerminalActive(r) {
			return r, true
		}
	}
	return 0, false
}

// Validate checks every applicable field and every cross-field rule of the API and returns the
// problems in field order. Call it after each change: what a change can affect is checked
// again, the problems of items and rules that depend on nothing changed are reused
// (flows/incremental.go).
func (api *API) Validate(a *Answers) []Problem {
	var out []Problem
	check := func(out *[]Problem) func(v visit) bool {
		return func(v visit) bool {
			if p, ok := a.Stuck(v.path); ok {
				*out = append(*out, p) // a loaded value of the wrong type: its one problem until changed
				return false
			}
			*out = append(*out, checkField(v)...)
			return true
		}
	}
	walkTop(a, api, api.Fields, "", check(&out), func(arr *itemArray) {
		many := arr.many(arr.unchecked)
		for _, i := range arr.unchecked {
			e := arr.items[i]
			if e.probsOK {
				continue
			}
			var ps []Problem
			if !a.stuckItem(e.path) { // a stuck item is reported by its array
				a.recording(e, func() { walk(a, arr.field.Fields, e.path, e.path, check(&ps)) })
			}
			e.problems, e.probsOK = ps, true
			if !many {
				arr.withProblems = markProblems(arr.withProblems, i, len(ps) > 0)
			}
		}
		arr.unchecked = arr.unchecked[:0]
		if many {
			arr.withProblems = arr.withProblems[:0]
			for i, e := range arr.items {
				if len(e.problems) > 0 {
					arr.withProblems = append(arr.withProblems, i)
				}
			}
		}
		for _, i := range arr.withProblems {
			out = append(out, arr.items[i].problems...)
		}
	})
	in := a.incFor(api)
	for i, r := range api.Rules {
		e := in.rule(i)
		if !e.probsOK {
			var ps []Problem
			a.recording(e, func() { ps = r.Check(a) })
			e.problems, e.probsOK = ps, true
		}
		out = append(out, e.problems...)
	}
	return out
}

// markProblems adds i to the sorted list of items with problems, or takes it out.
func markProblems(list []int, i int, has bool) []int {
	at, found := slices.BinarySearch(list, i)
	switch {
	case has && !found:
		return slices.Insert(list, at, i)
	case !has && found:
		return slices.Delete(list, at, at+1)
	}
	return list
}

// Blocking reports whether any problem is an error rather than a warning.
func Blocking(ps []Problem) bool {
	for _, p := range ps {
		if !p.Warning {
			return true
		}
	}
	return false
}

// ProblemsAt returns the problems reported for path exactly.
func ProblemsAt(ps []Problem, path string) []Problem {
	var out []Problem
	for _, p := range ps {
		if p.Path == path {
			out = append(out, p)
		}
	}
	return out
}

// CheckValue checks one field's value on its own (type, bounds, documented values, field rule):
// what the UI shows under an input as the person types. "" means not answered.
func CheckValue(f *Field, c Ctx, v string) []Problem { return checkValue(f, c, v, v != "") }

// checkValue checks a value; given says it is part of the order even when it is "" (a loaded
// file's explicit empty string), so that "" meets the same rules as any other value.
func checkValue(f *Field, c Ctx, v string, given bool) []Problem {
	if !given {
		if f.Required && !f.Local {
			return []Problem{{Path: c.Path, Msg: requiredMsg(f)}}
		}
		return nil
	}
	if r, bad := terminalActiveIn(v); bad {
		return []Problem{{Path: c.Path, Msg: terminalActiveMsg(r)}}
	}
	if p := checkType(f, v); p != nil {
		p.Path = c.Path
		return []Problem{*p}
	}
	if p := checkPattern(f, v); p != nil {
		p.Path = c.Path
		return []Problem{*p}
	}
	if f.Check != nil {
		if p := f.Check(c, v); p != nil {
			p.Path = c.Path
			return []Problem{*p}
		}
	}
	if opts := f.OptionsAt(c); len(opts) > 0 && !f.Open && !offered(opts, v) {
		msg := i18n.Tf("must be one of %s", "取值必须是 %s 之一", valueList(opts))
		if f.OptionsRule != nil {
			msg = *f.OptionsRule
		}
		if hidden, ok := hiddenDifference(v, func(s string) bool { return offered(opts, s) }); ok {
			msg = i18n.Text{EN: msg.EN + ": " + hidden.EN, ZH: msg.ZH + ":" + hidden.ZH}
		}
		return []Problem{{Path: c.Path, Msg: msg}}
	}
	if v == "" && f.Required {
		return []Problem{{Path: c.Path, Msg: i18n.T("must not be empty", "不能为空")}}
	}
	return nil
}

// requiredMsg says why a field must be given: the API's own rule, or cloudorder's where the
// docs call the field optional (Field.RequiredWhy).
func requiredMsg(f *Field) i18n.Text {
	if !f.RequiredWhy.IsZero() {
		return i18n.Text{EN: "cloudorder requires this: " + f.RequiredWhy.EN, ZH: "cloudorder 要求填写:" + f.RequiredWhy.ZH}
	}
	return i18n.T("required: the API needs this field", "必填:接口要求此字段")
}

func checkField(v visit) []Problem {
	f := v.f
	if f.Kind == Array {
		n := v.ctx.A.Count(v.path)
		var out []Problem
		for i := 0; i < n && len(v.ctx.A.stuck) > 0; i++ { // items are stuck only as loaded
			if p, ok := v.ctx.A.Stuck(ItemPath(v.path, i)); ok {
				out = append(out, p)
			}
		}
		if len(out) > 0 {
			return out
		}
		switch {
		case n < f.MinItems:
			return []Problem{{Path: v.path, Msg: i18n.Tf("needs at least %d item(s), has %d", "至少需要 %d 项,当前 %d 项", f.MinItems, n)}}
		case f.MaxItems > 0 && n > f.MaxItems:
			return []Problem{{Path: v.path, Msg: i18n.Tf("allows at most %d item(s), has %d", "最多 %d 项,当前 %d 项", f.MaxItems, n)}}
		}
		return nil
	}
	if !f.Kind.IsScalar() {
		return nil
	}
	return checkValue(f, v.ctx, v.ctx.A.Get(v.path), v.ctx.A.Given(v.path))
}

// checkType checks that text converts to the field's JSON type and lies within its bounds.
func checkType(f *Field, v string) *Problem {
	switch f.Kind {
	case Integer:
		if !isIntLiteral(v) {
			return &Problem{Msg: i18n.Tf("must be a whole number like 10, not %q", "必须是整数(如 10),而不是 %q", v)}
		}
		lo, hi := int64(math.MinInt32), int64(math.MaxInt32) // the SDKs' int32 unless the field says otherwise
		if f.HasMin {
			lo = f.Min
		}
		if f.HasMax {
			hi = f.Max
		}
		n, err := strconv.ParseInt(v, 10, 64)
		switch {
		case err != nil && strings.HasPrefix(v, "-"), err == nil && n < lo:
			return boundsProblem(f, lo, hi, false)
		case err != nil, n > hi:
			return boundsProblem(f, lo, hi, true)
		}
		if f.Multiple > 0 && n%f.Multiple != 0 {
			return &Problem{Msg: i18n.Tf("must be a multiple of %d", "必须是 %d 的倍数", f.Multiple)}
		}
	case Number:
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return &Problem{Msg: i18n.Tf("must be a number, not %q", "必须是数字,而不是 %q", v)}
		}
		if sent := strconv.FormatFloat(x, 'g', -1, 64); !sameDecimal(v, sent) {
			return &Problem{Msg: i18n.Tf("has more digits than the API's 64-bit number keeps: it would arrive as %s", "位数超出接口 64 位数字的精度:到达时会变成 %s", sent)}
		}
		if f.HasMin && x < float64(f.Min) {
			return boundsProblem(f, f.Min, f.Max, false)
		}
		if f.HasMax && x > float64(f.Max) {
			return boundsProblem(f, f.Min, f.Max, true)
		}
	case StringList:
		if strings.HasPrefix(v, "[") {
			if _, ok := parseListJSON(v); !ok {
				return &Problem{Msg: i18n.T(`must be names separated by commas, or a JSON array of strings like ["a,b", "c"]`, `必须是以逗号分隔的名称,或字符串的 JSON 数组(如 ["a,b", "c"])`)}
			}
		}
	case Boolean:
		if v != "true" && v != "false" {
			return &Problem{Msg: i18n.Tf("must be true or false, not %q", "必须是 true 或 false,而不是 %q", v)}
		}
	}
	return nil
}

// boundsProblem names the bound a value broke (above says which side): both documented
// bounds when there are two, else the one broken, which for an undeclared side is int32's.
func boundsProblem(f *Field, lo, hi int64, above bool) *Problem {
	switch {
	case f.HasMin && f.HasMax:
		return &Problem{Msg: i18n.Tf("must be between %d and %d", "取值范围为 %d 到 %d", lo, hi)}
	case above:
		return &Problem{Msg: i18n.Tf("must be at most %d", "不能大于 %d", hi)}
	}
	return &Problem{Msg: i18n.Tf("must be at least %d", "不能小于 %d", lo)}
}

// valueList renders documented values as "A, B or C".
func valueList(opts []Option) string {
	vals := make([]string, len(opts))
	for i, o := range opts {
		vals[i] = o.Value
	}
	if len(vals) == 1 {
		return vals[0]
	}
	return strings.Join(vals[:len(vals)-1], ", ") + " / " + vals[len(vals)-1]
}

// sameDecimal reports whether two decimal numbers are the same number.
func sameDecimal(a, b string) bool {
	x, okx := new(big.Rat).SetString(a)
	y, oky := new(big.Rat).SetString(b)
	return okx && oky && x.Cmp(y) == 0
}

// isIntLiteral reports whether v is an integer written the way JSON writes it, whatever its size.
func isIntLiteral(v string) bool {
	v = strings.TrimPrefix(v, "-")
	if v == "" || (v[0] == '0' && len(v) > 1) {
		return false
	}
	for _, c := range v {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// patterns caches the compiled Field.Pattern expressions: compiled on first use, not while
// the program starts (docs/performance.md, "First frame").
var patterns sync.Map // string → *regexp.Regexp

// PatternOf returns f's compiled Pattern, nil when it has none.
func (f *Field) PatternOf() *regexp.Regexp {
	if f.Pattern == "" {
		return nil
	}
	if re, ok := patterns.Load(f.Pattern); ok {
		return re.(*regexp.Regexp)
	}
	re := regexp.MustCompile(f.Pattern)
	patterns.Store(f.Pattern, re)
	return re
}

// checkPattern checks a String's declared pattern and length.
func checkPattern(f *Field, v string) *Problem {
	if re := f.PatternOf(); re != nil && !re.MatchString(v) {
		msg := f.PatternRule
		if hidden, ok := hiddenDifference(v, re.MatchString); ok {
			msg = i18n.Text{EN: msg.EN + ": " + hidden.EN, ZH: msg.ZH + ":" + hidden.ZH}
		}
		return &Problem{Msg: msg}
	}
	n := utf8.RuneCountInString(v)
	switch {
	case f.MinLen > 0 && f.MaxLen > 0 && (n < f.MinLen || n > f.MaxLen):
		return &Problem{Msg: i18n.Tf("must be %d–%d characters", "必须是 %d–%d 个字符", f.MinLen, f.MaxLen)}
	case f.MinLen > 0 && n < f.MinLen:
		return &Problem{Msg: i18n.Tf("must be at least %d characters", "至少 %d 个字符", f.MinLen)}
	case f.MaxLen > 0 && n > f.MaxLen:
		return &Problem{Msg: i18n.Tf("must be at most %d characters", "最多 %d 个字符", f.MaxLen)}
	}
	return nil
}
