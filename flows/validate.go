package flows

import (
	"math"
	"strconv"
	"strings"
)

// Validate checks every applicable field and every cross-field rule of the API and returns the
// problems in field order. Call it after each change: rules that depend on a changed field are
// re-evaluated because everything is.
func (api *API) Validate(a *Answers) []Problem {
	var out []Problem
	walk(a, api.Fields, "", "", func(v visit) bool {
		out = append(out, checkField(v)...)
		return true
	})
	for _, r := range api.Rules {
		out = append(out, r(a)...)
	}
	return out
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
// what the UI shows under an input as the person types.
func CheckValue(f *Field, c Ctx, v string) []Problem {
	if v == "" {
		if f.Required && !f.Local {
			return []Problem{{Path: c.Path, Msg: T("required: the API needs this field", "必填:接口要求此字段")}}
		}
		return nil
	}
	if p := checkType(f, v); p != nil {
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
		msg := Tf("must be one of %s", "取值必须是 %s 之一", valueList(opts))
		if f.OptionsRule != nil {
			msg = *f.OptionsRule
		}
		return []Problem{{Path: c.Path, Msg: msg}}
	}
	return nil
}

func checkField(v visit) []Problem {
	f := v.f
	if f.Kind == Array {
		n := v.ctx.A.Count(v.path)
		switch {
		case n < f.MinItems:
			return []Problem{{Path: v.path, Msg: Tf("needs at least %d item(s), has %d", "至少需要 %d 项,当前 %d 项", f.MinItems, n)}}
		case f.MaxItems > 0 && n > f.MaxItems:
			return []Problem{{Path: v.path, Msg: Tf("allows at most %d item(s), has %d", "最多 %d 项,当前 %d 项", f.MaxItems, n)}}
		}
		return nil
	}
	if !f.Kind.IsScalar() {
		return nil
	}
	return CheckValue(f, v.ctx, v.ctx.A.Get(v.path))
}

// checkType checks that text converts to the field's JSON type and lies within its bounds.
func checkType(f *Field, v string) *Problem {
	switch f.Kind {
	case Integer:
		n, ok := canonicalInt(v)
		if !ok {
			return &Problem{Msg: Tf("must be a whole number like 10, not %q", "必须是整数(如 10),而不是 %q", v)}
		}
		lo, hi := int64(math.MinInt32), int64(math.MaxInt32)
		if f.HasMin {
			lo = f.Min
		}
		if f.HasMax {
			hi = f.Max
		}
		if n < lo || n > hi {
			return boundsProblem(f, lo, hi)
		}
		if f.Multiple > 0 && n%f.Multiple != 0 {
			return &Problem{Msg: Tf("must be a multiple of %d", "必须是 %d 的倍数", f.Multiple)}
		}
	case Number:
		x, err := strconv.ParseFloat(v, 64)
		if err != nil || math.IsInf(x, 0) || math.IsNaN(x) {
			return &Problem{Msg: Tf("must be a number, not %q", "必须是数字,而不是 %q", v)}
		}
		if (f.HasMin && x < float64(f.Min)) || (f.HasMax && x > float64(f.Max)) {
			return boundsProblem(f, f.Min, f.Max)
		}
	case Boolean:
		if v != "true" && v != "false" {
			return &Problem{Msg: Tf("must be true or false, not %q", "必须是 true 或 false,而不是 %q", v)}
		}
	}
	return nil
}

func boundsProblem(f *Field, lo, hi int64) *Problem {
	switch {
	case f.HasMin && f.HasMax:
		return &Problem{Msg: Tf("must be between %d and %d", "取值范围为 %d 到 %d", lo, hi)}
	case f.HasMin:
		return &Problem{Msg: Tf("must be at least %d", "不能小于 %d", lo)}
	case f.HasMax:
		return &Problem{Msg: Tf("must be at most %d", "不能大于 %d", hi)}
	}
	return &Problem{Msg: Tf("must be between %d and %d (32-bit integer)", "取值范围为 %d 到 %d(32 位整数)", lo, hi)}
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

// canonicalInt parses an integer written the way JSON writes it: no sign but "-", no leading
// zeros, no spaces. "00" or "+5" would not be valid JSON numbers on the wire.
func canonicalInt(v string) (int64, bool) {
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil && strconv.FormatInt(n, 10) == v
}
