package flows

import (
	"bytes"
	"encoding/json"
)

// APIID names one ordering API; it is the "api" value of an order file.
type APIID string

// The three APIs cloudorder can place orders with.
const (
	AlibabaPAI         APIID = "alibaba/pai/CreateProductOrders"
	HuaweiDSC          APIID = "huawei/dsc/CreateProductOrder"
	HuaweiWorkspaceApp APIID = "huawei/workspaceapp/CreateOrder"
)

// Order is the order file (README.md, "Order files"): what to send, where. Body is the request body exactly
// as the API documents it, in the key order the builder writes.
type Order struct {
	API       APIID           `json:"api"`
	Region    string          `json:"region"`
	ProjectID string          `json:"project_id,omitempty"`
	Body      json.RawMessage `json:"body"`
}

// MarshalFile renders the order file: indented JSON with a trailing newline.
func (o Order) MarshalFile() ([]byte, error) {
	raw, err := json.Marshal(o)
	if err != nil {
		return nil, err
	}
	var out bytes.Buffer
	if err := json.Indent(&out, raw, "", "  "); err != nil {
		return nil, err
	}
	out.WriteByte('\n')
	return out.Bytes(), nil
}

// CompactBody returns the body with insignificant white space removed: the bytes sent.
func (o Order) CompactBody() []byte {
	var out bytes.Buffer
	if err := json.Compact(&out, o.Body); err != nil {
		return append([]byte(nil), o.Body...)
	}
	return out.Bytes()
}
