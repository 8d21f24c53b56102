package flows

import (
	"errors"
	"strings"
	"testing"
	"time"

	"cloudorder/measure"
)

// hostileOrders are order files of about 1 MiB shaped to cost the reader the most: deep
// nesting, long keys at depth, wide arrays, many duplicate keys, many problems — past the
// bounds (refused at once) and just within them (read, with every problem found). Each must
// load within a second and 64 MiB.
func hostileOrders() map[string]hostileOrder {
	const size = MaxFileSize - 4096
	pai := func(body string) string {
		return `{"api":"alibaba/pai/CreateProductOrders","region":"cn-hangzhou","body":` + body + `}`
	}
	// fill repeats item between prefix and suffix as often as 1 MiB and, when bounded,
	// MaxValues allow.
	fill := func(prefix, item, sep, suffix string, bounded bool) string {
		n := (size - len(prefix) - len(suffix)) / (len(item) + len(sep))
		if per := valuesIn(item + sep); bounded && per > 0 {
			n = min(n, (MaxValues-16-valuesIn(prefix+suffix))/per) // 16: the wrapper's own values
		}
		return prefix + strings.TrimSuffix(strings.Repeat(item+sep, n), sep) + suffix
	}
	product := `{"AutoRenew":true,"ProductCode":"DataWorks_share","ChargeType":"POSTPAY","OrderType":"BUY","PricingCycle":"Month","Duration":1,"InstanceProperties":[{"Code":"region","Value":"cn-shanghai"}]}`
	badProduct := `{"AutoRenew":"yes","ProductCode":"DataWorks_share","ChargeType":"POSTPAI","OrderType":"BUY","PricingCycle":"Year","Duration":-1,"Unknown":1,"InstanceProperties":[{"Code":"regoin","Value":"\u0001"}]}`
	deep := func(open, close string, depth int) string {
		return strings.Repeat(open, depth) + strings.Repeat(close, depth)
	}
	nested := func(key string, depth int) string {
		return strings.Repeat(`{"`+key+`":`, depth) + "1" + strings.Repeat("}", depth)
	}
	longKey := strings.Repeat("k", 16000)
	refused := map[string]string{ // past the bounds: refused before the decoder
		"arrays nested 500k deep":  pai(deep("[", "]", size/2)),
		"objects nested 100k deep": pai(nested("a", size/6)),
		"arrays nested 9000 deep":  pai(`{"Products":` + deep("[", "]", 9000) + `}`),
		"objects nested 65 deep":   pai(`{"Products":` + nested("a", 63) + `}`),
		"200k empty objects":       pai(fill(`{"Products":[`, `{}`, ",", `]}`, false)),
		"200k duplicate keys":      pai(fill(`{`, `"AutoPay":true`, ",", `}`, false)),
		"100k unknown keys":        fill(`{"api":"alibaba/pai/CreateProductOrders",`, `"x":1`, ",", `}`, false),
	}
	read := map[string]string{ // within them: read, and every problem reported
		"long keys 60 deep":              pai(`{"Products":[` + nested(longKey, 60) + `]}`),
		"long keys 60 deep, wide":        pai(`{"Products":[` + fill("", nested(strings.Repeat("k", 300), 60), ",", "", true) + `]}`),
		"60-deep arrays, wide":           pai(fill(`{"Products":[`, deep("[", "]", 60), ",", `]}`, true)),
		"wide Products of empty objects": pai(fill(`{"Products":[`, `{}`, ",", `]}`, true)),
		"wide Products of real items":    pai(fill(`{"Products":[`, product, ",", `]}`, true)),
		"wide Products of bad items":     pai(fill(`{"Products":[`, badProduct, ",", `]}`, true)),
		"wide InstanceProperties":        pai(fill(`{"Products":[{"ProductCode":"DataWorks_share","InstanceProperties":[`, `{"Code":"region","Value":"cn-shanghai"}`, ",", `]}]}`, true)),
		"duplicate keys":                 pai(fill(`{`, `"AutoPay":true`, ",", `}`, true)),
		"duplicate long keys":            pai(fill(`{`, `"`+strings.Repeat("d", 100)+`":true`, ",", `}`, true)),
		"unknown keys":                   fill(`{"api":"alibaba/pai/CreateProductOrders",`, `"x`+strings.Repeat("x", 90)+`":1`, ",", `}`, true),
		"control characters":             pai(fill(`{"Products":[`, `"\u0001`+strings.Repeat("c", 90)+`"`, ",", `]}`, true)),
		"one long string":                pai(`{"Products":[{"ProductCode":"` + strings.Repeat("x", size-200) + `"}]}`),
		"wide Huawei product_infos":      fill(`{"api":"huawei/dsc/CreateProductOrder","region":"cn-north-4","project_id":"0a1b2c3d4e5f60718293a4b5c6d7e8f9","body":{"charging_mode":0,"product_infos":[`, `{"product_id":"x","resource_size":1e999}`, ",", `]}}`, true),
	}
	out := map[string]hostileOrder{}
	for name, c := range refused {
		out[name] = hostileOrder{data: []byte(c), refused: true}
	}
	for name, c := range read {
		out[name] = hostileOrder{data: []byte(c)}
	}
	return out
}

type hostileOrder struct {
	data    []byte
	refused bool // past MaxDepth or MaxValues
}

// valuesIn counts what checkShape counts: objects, arrays and commas outside strings.
func valuesIn(s string) int {
	n, inString := 0, false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case inString && c == '\\':
			i++
		case inString:
			inString = c != '"'
		case c == '"':
			inString = true
		case c == '{' || c == '[' || c == ',':
			n++
		}
	}
	return n
}

// loadCost loads data once and returns what it cost (measure.Cost: CPU time, bytes
// allocated).
func loadCost(data []byte) (took time.Duration, alloc uint64, problems []Problem, err error) {
	took, alloc = measure.Cost(func() { _, _, problems, err = testAPIs.Load(data) })
	return took, alloc, problems, err
}

// Any input up to 1 MiB loads within a second and 64 MiB of allocations, whatever its shape;
// nesting past maxDepth is refused at once with its place.
func TestLoadCostIsBounded(t *testing.T) {
	const loadBudget, loadMemory = time.Second, 64 << 20
	for name, tc := range hostileOrders() {
		data := tc.data
		t.Run(name, func(t *testing.T) {
			if len(data) > MaxFileSize {
				t.Fatalf("the case is %d bytes", len(data))
			}
			best := time.Hour
			var alloc uint64
			var problems []Problem
			var err error
			for range 3 { // the best of three: a shared machine's pauses are not the reader's
				var took time.Duration
				took, alloc, problems, err = loadCost(data)
				best = min(best, took)
			}
			t.Logf("%-32s %7.1f ms %7.1f MiB allocated, %d problems, err %v", name, float64(best)/1e6, float64(alloc)/(1<<20), len(problems), firstLine(err))
			if best > loadBudget || alloc > loadMemory {
				t.Errorf("%s: %v and %.1f MiB", name, best, float64(alloc)/(1<<20))
			}
			// Past the bounds the file is refused, with its place; within them it is read.
			past := tc.refused
			var se *SyntaxError
			switch {
			case past && (!errors.As(err, &se) || !strings.Contains(err.Error(), "not an order")):
				t.Errorf("%s: not refused: %v", name, err)
			case !past && err != nil:
				t.Errorf("%s: refused: %v", name, err)
			case !past && len(problems) == 0 && name != "wide Products of real items":
				t.Errorf("%s: no problem found", name)
			}
		})
	}
}

func firstLine(err error) string {
	if err == nil {
		return "<nil>"
	}
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

// checkShape counts what nests and what is listed, never what is inside a string.
func TestCheckShape(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}`:      "",
		`{"a":"\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"}`: "",
		`{"a":"` + strings.Repeat(",", 2*MaxValues) + `"}`:                                            "",
		strings.Repeat("[", MaxDepth) + strings.Repeat("]", MaxDepth):                                 "",
		strings.Repeat("[", MaxDepth+1) + strings.Repeat("]", MaxDepth+1):                             "line 1, column 65: nested deeper than 64 levels",
		"{\n\"a\": [" + strings.Repeat("1,", MaxValues) + "1]}":                                       "line 2, column 10004: more than 5000 values",
	} {
		err := checkShape([]byte(in))
		switch {
		case want == "" && err != nil:
			t.Errorf("%.40s…: %v", in, err)
		case want != "" && (err == nil || !strings.HasPrefix(err.Error(), want)):
			t.Errorf("%.40s…: %v, want %q", in, err, want)
		}
	}
	var se *SyntaxError
	if _, _, _, err := testAPIs.Load([]byte(strings.Repeat("[", 1<<20))); !errors.As(err, &se) || se.Text().ZH != "第 1 行第 65 列:嵌套超过 64 层:不是订单(订单约嵌套五层)" {
		t.Errorf("%v", err)
	}
}
