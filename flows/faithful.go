package flows

import (
	"bytes"
	"encoding/json"

	"cloudorder/i18n"
)

// faithful is the last guard of "what is checked is what is sent": the order cloudorder would
// send (built from the validated answers) must say exactly what the file says. A difference is
// a defect of the loader, reported as a blocking problem rather than sent.
func faithful(o Order, file map[string]any) []Problem {
	var body any
	dec := json.NewDecoder(bytes.NewReader(o.Body))
	dec.UseNumber()
	if err := dec.Decode(&body); err != nil {
		return []Problem{{Path: "body", Msg: i18n.T("cloudorder cannot encode this body", "cloudorder 无法编码此请求体")}}
	}
	built := map[string]any{"api": string(o.API), "body": body}
	if o.Region != "" || file["region"] != nil {
		built["region"] = o.Region
	}
	if o.ProjectID != "" || file["project_id"] != nil {
		built["project_id"] = o.ProjectID
	}
	if p, same := sameJSON("", file, built); !same {
		return []Problem{{Path: p, Msg: i18n.T("cloudorder would not send exactly this value; please report this file", "cloudorder 无法原样发送此值;请反馈此文件")}}
	}
	return nil
}

// sameJSON compares two decoded JSON values exactly (numbers by their text, which the builder
// keeps) and returns the path of the first difference.
func sameJSON(path string, x, y any) (string, bool) {
	switch a := x.(type) {
	case map[string]any:
		b, ok := y.(map[string]any)
		if !ok || len(a) != len(b) {
			return path, false
		}
		for _, k := range sortedKeys(a) {
			bv, ok := b[k]
			if !ok {
				return join(path, k), false
			}
			if p, same := sameJSON(join(path, k), a[k], bv); !same {
				return p, false
			}
		}
		return "", true
	case []any:
		b, ok := y.([]any)
		if !ok || len(a) != len(b) {
			return path, false
		}
		for i := range a {
			if p, same := sameJSON(ItemPath(path, i), a[i], b[i]); !same {
				return p, false
			}
		}
		return "", true
	}
	if x != y {
		return path, false
	}
	return "", true
}
