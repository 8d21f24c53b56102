package flows

import (
	"slices"
	"strings"
)

// apis is every API's flow, in the order the wizard offers them. Package catalog lists the same
// APIs in the same order, each with its provider spec and CLI mapping (a test there checks the
// two agree); adding an API is its declaration file here, one line in this list, and its file
// and line in catalog/ (docs/adding-an-api.md).
var apis = []*API{
	alibabaPAI(),
	huaweiDSC(),
	huaweiWorkspaceApp(),
}

// APIs returns every API in wizard order.
func APIs() []*API { return append([]*API(nil), apis...) }

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

// Clouds returns the clouds of the APIs ("alibaba", "huawei"), each once, in wizard order.
func Clouds() []string {
	var out []string
	for _, a := range apis {
		if !slices.Contains(out, a.Cloud) {
			out = append(out, a.Cloud)
		}
	}
	return out
}
