package placement_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"cloudorder/flows"
	"cloudorder/placement"
	"cloudorder/providers"
	"cloudorder/providers/cloud"
	"cloudorder/providers/sandbox"
)

// Every DSC review prices the product ids its body sends, or says in words which it priced
// instead: the price inquiry takes spec and period, not the id, so a body holding another
// edition's id would otherwise show a plausible price for something else.
func TestDSCPriceIsOfTheBodysProductID(t *testing.T) {
	p, closer, err := cloud.Open(cloud.Options{Mode: providers.Sandbox, HistoryPath: filepath.Join(t.TempDir(), "h.jsonl"),
		Getenv: func(string) string { return "" }, Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer closer.Close()
	data, err := os.ReadFile("../testdata/orders/huawei-dsc.json")
	if err != nil {
		t.Fatal(err)
	}
	_, a, problems, err := flows.Registry{flows.DSC}.Load(data)
	if err != nil || flows.Blocking(problems) {
		t.Fatalf("load: %v %v", err, problems)
	}
	file := flows.DSC.Build(a)
	professional := sandbox.DSCProductID("cn-north-4", "base_professional", 2)
	standard := sandbox.DSCProductID("cn-north-4", "base_standard", 2)
	withID := func(spec, id string) flows.Order {
		o := file
		body := string(file.Body)
		body = strings.Replace(body, `"resource_spec_code":"base_professional"`, `"resource_spec_code":"`+spec+`"`, 1)
		i := strings.Index(body, `"product_id":"`) + len(`"product_id":"`)
		j := i + strings.Index(body[i:], `"`)
		o.Body = []byte(body[:i] + id + body[j:])
		return o
	}
	for name, tc := range map[string]struct {
		o        flows.Order
		mismatch bool
	}{
		"testdata/orders/huawei-dsc.json":          {file, file.Body != nil && !strings.Contains(string(file.Body), professional)},
		"the catalogue's id":                       {withID("base_professional", professional), false},
		"base_standard with the professional id":   {withID("base_standard", professional), true},
		"base_professional with the standard's id": {withID("base_professional", standard), true},
	} {
		t.Run(name, func(t *testing.T) {
			r := placement.NewReview(p, providers.Sandbox, flows.DSC, tc.o)
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			pr := placement.PriceOf(ctx, p, nil, r)
			if pr.Err != nil || !pr.Quote.Priced || len(pr.Quote.Items) == 0 {
				t.Fatalf("price: %+v", pr)
			}
			lines := ""
			for _, l := range pr.Lines() {
				lines += l.EN + "\n"
			}
			for _, it := range pr.Quote.Items {
				if it.Sends == "" {
					t.Fatalf("the item's body id is not known to the price: %+v", it)
				}
				same := it.ProductID == it.Sends
				said := strings.Contains(lines, "priced "+it.ProductID+"; this order sends "+it.Sends) &&
					strings.Contains(lines, "NOT the price of this order")
				switch {
				case same && (said || len(pr.Mismatches) > 0):
					t.Errorf("a matching id said as a mismatch:\n%s", lines)
				case !same && !said:
					t.Errorf("priced %s while the body sends %s, and the review does not say so:\n%s", it.ProductID, it.Sends, lines)
				}
				if !same != tc.mismatch {
					t.Errorf("mismatch %v, want %v (priced %s, sends %s)", !same, tc.mismatch, it.ProductID, it.Sends)
				}
			}
		})
	}
}
