package sandbox

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"cloudorder/flows"
)

// validateBody checks a received request body against the documented rules by wrapping it into
// an order file and loading it strictly, the same check `cloudorder validate` makes. It returns
// one "path: rule" line per blocking problem; paths are order-file paths (body.Products[0]…).
func validateBody(api flows.APIID, region, projectID string, body []byte) []string {
	if flows.Find(api) == nil {
		return nil // the API's definition is not registered: nothing to check against
	}
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return []string{"body: required: the request body is empty"}
	}
	if !json.Valid(trimmed) {
		return []string{"body: not valid JSON"}
	}
	doc, err := json.Marshal(struct {
		API       flows.APIID     `json:"api"`
		Region    string          `json:"region"`
		ProjectID string          `json:"project_id,omitempty"`
		Body      json.RawMessage `json:"body"`
	}{api, region, projectID, trimmed})
	if err != nil {
		return []string{"body: " + err.Error()}
	}
	_, _, problems, err := flows.Load(doc)
	if err != nil {
		return []string{fmt.Sprintf("body: %v", err)}
	}
	var out []string
	for _, p := range problems {
		if p.Warning {
			continue
		}
		path := p.Path
		if rp := emulations[api].regionPath; path == "region" && rp != "" {
			path = rp // where the sandbox took the order's region from
		}
		out = append(out, path+": "+p.Msg.EN)
	}
	return out
}

// dscRegion is the order's region for a DSC body: its region_id, which must be the project's.
func dscRegion(body []byte) string {
	var v struct {
		RegionID any `json:"region_id"`
	}
	_ = json.Unmarshal(body, &v)
	if s, ok := v.RegionID.(string); ok && s != "" {
		return s
	}
	return "cn-north-4" // body.region_id's own problem names what is missing
}

// invalidParameter joins problem lines into one cloud error message.
func invalidParameter(problems []string) string {
	return "Invalid parameter: " + strings.Join(problems, "; ")
}
