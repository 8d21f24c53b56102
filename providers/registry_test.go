package providers

import (
	"errors"
	"testing"

	"cloudorder/flows"
)

// A provider's table answers for the APIs registered in it and refuses the others as Invalid,
// naming the cloud, what it cannot do and the API; a registration brings its CLI mapping.
func TestAPIsTable(t *testing.T) {
	const api, other flows.APIID = "test/registry/Known", "test/registry/Other"
	tab := NewAPIs[int]("Example Cloud")
	tab.Register(api, 7, CLI{Tool: "example"})
	if s, ok := tab.Get(api); !ok || s != 7 || tab.Of(api) != 7 {
		t.Fatalf("Get = %d, %v; Of = %d", s, ok, tab.Of(api))
	}
	if s, err := tab.Spec(api, "place"); err != nil || s != 7 {
		t.Fatalf("Spec = %d, %v", s, err)
	}
	if _, ok := tab.Get(other); ok || tab.Of(other) != 0 {
		t.Fatal("an API never registered is found")
	}
	_, err := tab.Spec(other, "price")
	var e *Error
	if !errors.As(err, &e) || e.Kind != Invalid || e.Message != "the Example Cloud provider does not price test/registry/Other orders" {
		t.Fatalf("Spec of another API: %v", err)
	}
	if c, ok := CLIFor(api); !ok || c.Tool != "example" {
		t.Fatalf("CLI mapping = %+v, %v", c, ok)
	}
}
