package providers

import (
	"errors"
	"fmt"

	"cloudorder/flows"
)

// APIs is one cloud provider's table of the APIs it calls, S being how it calls one. The table
// is handed to the provider when it is made (package catalog lists each API's S, one file per
// API); nothing fills it while packages initialise.
type APIs[S any] struct {
	cloud string // "Alibaba Cloud", "Huawei Cloud": for the error of an API it does not call
	specs map[flows.APIID]S
}

// NewAPIs is cloud's table of specs (copied: the provider's table does not change after).
func NewAPIs[S any](cloud string, specs map[flows.APIID]S) APIs[S] {
	t := APIs[S]{cloud: cloud, specs: make(map[flows.APIID]S, len(specs))}
	for id, s := range specs {
		t.specs[id] = s
	}
	return t
}

// Get is api's spec; ok is false for an API this provider does not call.
func (t APIs[S]) Get(api flows.APIID) (s S, ok bool) {
	s, ok = t.specs[api]
	return s, ok
}

// Of is api's spec, the zero S for an API this provider does not call.
func (t APIs[S]) Of(api flows.APIID) S { return t.specs[api] }

// Spec is api's spec, or an Invalid error naming what the provider cannot do
// (what: "place", "price").
func (t APIs[S]) Spec(api flows.APIID, what string) (S, error) {
	s, ok := t.specs[api]
	if !ok {
		msg := fmt.Sprintf("the %s provider does not %s %s orders", t.cloud, what, api)
		return s, &Error{Kind: Invalid, Message: msg, Err: errors.New(msg)}
	}
	return s, nil
}
