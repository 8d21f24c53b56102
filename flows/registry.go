package flows

import "strings"

// apis lists every API cloudorder can order with, in the order the wizard offers them.
var apis []*API

// register adds an API; each API file calls it from init.
func register(api *API) { apis = append(apis, api) }

// APIs returns every API in wizard order.
func APIs() []*API {
	order := map[APIID]int{AlibabaPAI: 0, HuaweiDSC: 1, HuaweiWorkspaceApp: 2}
	out := append([]*API(nil), apis...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && order[out[j].ID] < order[out[j-1].ID]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// Find returns the API with id, or nil.
func Find(id APIID) *API {
	for _, a := range apis {
		if a.ID == id {
			return a
		}
	}
	return nil
}

func apiList() string {
	var ids []string
	for _, a := range APIs() {
		ids = append(ids, string(a.ID))
	}
	return strings.Join(ids, ", ")
}
