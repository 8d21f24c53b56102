package flows

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
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

// FileName is the order file's default name, which never collides by accident:
// order-alibaba-pai-CreateProductOrders-20250101-120000.json.
func (o Order) FileName(now time.Time) string {
	return "order-" + strings.ReplaceAll(string(o.API), "/", "-") + "-" + now.Format("20060102-150405") + ".json"
}
