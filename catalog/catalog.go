// Package catalog lists the APIs cloudorder orders with, whole. Each API has one file
// here naming, as values, its flow (the order's shape, in package flows), how its cloud's
// provider calls it (providers/alibaba, providers/huawei) and how the cloud's own CLI does:
// an entry missing any of them does not compile. The sandbox's emulation of each API is
// declared apart, from the clouds' documents (providers/sandbox/routes.go), so that it judges
// what cloudorder sends instead of mirroring it.
//
// Its list (all) is the only list of APIs, in the order the wizard offers them: flows declares
// each API as a value and keeps none. The composition root (package main, and providers/cloud)
// reads it here and hands it on as values — the providers their tables, the wizard, plain mode,
// config.toml's checks and the order history a flows.Registry (Flows) — so that the packages
// seeing only flows and the providers.Provider interface link no cloud SDK.
package catalog

import (
	"cloudorder/flows"
	"cloudorder/providers"
	"cloudorder/providers/alibaba"
	"cloudorder/providers/huawei"
)

// all is every API, in the order the wizard offers them and explain, help and completion list
// them. It is the only list of APIs: flows declares each one as a value and keeps none.
var all = []API{
	alibabaPAI,
	huaweiDSC,
	huaweiWorkspaceApp,
}

// flowList is every API's flow, in all's order.
var flowList = func() flows.Registry {
	out := make(flows.Registry, len(all))
	for i, a := range all {
		out[i] = a.Flow
	}
	return out
}()

// API is one API of the catalog.
type API struct {
	Flow *flows.API
	CLI  providers.CLI
	// Exactly one of these is set, by the constructor of its cloud.
	alibaba *alibaba.Spec
	huawei  *huawei.Spec
}

// alibabaAPI is an Alibaba Cloud API: its flow, its spec and its aliyun CLI mapping.
func alibabaAPI(flow *flows.API, spec alibaba.Spec, cli providers.CLI) API {
	return API{Flow: flow, CLI: cli, alibaba: &spec}
}

// huaweiAPI is a Huawei Cloud API: its flow, its spec and its KooCLI (hcloud) mapping.
func huaweiAPI(flow *flows.API, spec huawei.Spec, cli providers.CLI) API {
	return API{Flow: flow, CLI: cli, huawei: &spec}
}

// All returns every API, in wizard order.
func All() []API { return append([]API(nil), all...) }

// Find returns the API with id; ok is false when the catalog has none.
func Find(id flows.APIID) (API, bool) {
	for _, a := range all {
		if a.Flow.ID == id {
			return a, true
		}
	}
	return API{}, false
}

// Flows returns every API's flow, in wizard order: what the wizard and plain mode offer, what
// an order file may name (Flows().Load) and what a look-up by id finds (Flows().Find).
func Flows() flows.Registry { return append(flows.Registry(nil), flowList...) }

// Flow is the flow of the API with id, or nil.
func Flow(id flows.APIID) *flows.API { return flowList.Find(id) }

// Alibaba is the Alibaba Cloud provider's table (alibaba.Options.APIs).
func Alibaba() map[flows.APIID]alibaba.API {
	return table(func(a API) (alibaba.API, bool) {
		if a.alibaba == nil {
			return alibaba.API{}, false
		}
		return alibaba.API{Spec: *a.alibaba, CLI: a.CLI}, true
	})
}

// Huawei is the Huawei Cloud provider's table (huawei.Options.APIs).
func Huawei() map[flows.APIID]huawei.API {
	return table(func(a API) (huawei.API, bool) {
		if a.huawei == nil {
			return huawei.API{}, false
		}
		return huawei.API{Spec: *a.huawei, CLI: a.CLI}, true
	})
}

// table is one provider's table: the entries of its cloud, as of gives them.
func table[T any](of func(API) (T, bool)) map[flows.APIID]T {
	out := map[flows.APIID]T{}
	for _, a := range all {
		if t, ok := of(a); ok {
			out[a.Flow.ID] = t
		}
	}
	return out
}

// CreatesUnpaid reports whether id's orders are created unpaid (Huawei DSC): what `cloudorder
// history` and `pay` say of a placed order without opening a provider.
func CreatesUnpaid(id flows.APIID) bool {
	a, ok := Find(id)
	return ok && a.huawei != nil && a.huawei.CreatesUnpaid()
}
