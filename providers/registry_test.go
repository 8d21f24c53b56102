package providers

import (
	"errors"
	"testing"

	"cloudorder/flows"
)

// A provider's table answers for the APIs it was made with and refuses the others as Invalid,
// naming the cloud, what it cannot do and the API; changing the map it was made from later
// changes nothing.
func TestAPIsTable(t *testing.T) {
	const api, other flows.APIID = "test/registry/Known", "test/registry/Other"
	specs := map[flows.APIID]int{api: 7}
	tab := NewAPIs("Example Cloud", specs)
	specs[other] = 8
	if s, ok := tab.Get(api); !ok || s != 7 || tab.Of(api) != 7 {
		t.Fatalf("Get = %d, %v; Of = %d", s, ok, tab.Of(api))
	}
	if s, err := tab.Spec(api, "place"); err != nil || s != 7 {
		t.Fatalf("Spec = %d, %v", s, err)
	}
	if _, ok := tab.Get(other); ok || tab.Of(other) != 0 {
		t.Fatal("an API the table was not made with is found")
	}
	_, err := tab.Spec(other, "price")
	var e *Error
	if !errors.As(err, &e) || e.Kind != Invalid || e.Message != "the Example Cloud provider does not price test/registry/Other orders" {
		t.Fatalf("Spec of another API: %v", err)
	}
}
