package providers

import (
	"errors"
	"fmt"

	"cloudorder/flows"
)

// APIs is one cloud provider's table of the APIs it calls, S being how it calls one. Each API
// file of the provider registers its API from init, and nothing else in the provider names an
// API (docs/adding-an-api.md). Registration happens while packages initialise; reads after.
type APIs[S any] struct {
	cloud string // "Alibaba Cloud", "Huawei Cloud": for the error of an API it does not call
	specs map[flows.APIID]S
}

// NewAPIs is cloud's empty table.
func NewAPIs[S any](cloud string) *APIs[S] {
	return &APIs[S]{cloud: cloud, specs: map[flows.APIID]S{}}
}

// Register records how api is called and its CLI mapping.
func (t *APIs[S]) Register(api flows.APIID, s S, cli CLI) {
	t.specs[api] = s
	RegisterCLI(api, cli)
}

// Get is api's registration; ok is false for an API this provider does not call.
func (t *APIs[S]) Get(api flows.APIID) (s S, ok bool) {
	s, ok = t.specs[api]
	return s, ok
}

// Of is api's registration, the zero S for an API this provider does not call.
func (t *APIs[S]) Of(api flows.APIID) S { return t.specs[api] }

// Spec is api's registration, or an Invalid error naming what the provider cannot do
// (what: "place", "price").
func (t *APIs[S]) Spec(api flows.APIID, what string) (S, error) {
	s, ok := t.specs[api]
	if !ok {
		msg := fmt.Sprintf("the %s provider does not %s %s orders", t.cloud, what, api)
		return s, &Error{Kind: Invalid, Message: msg, Err: errors.New(msg)}
	}
	return s, nil
}
