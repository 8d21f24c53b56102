package alibaba

import (
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/requests"
	"github.com/aliyun/alibaba-cloud-sdk-go/sdk/responses"
)

// services/aiworkspace in alibaba-cloud-sdk-go v1.63.107 has no CreateProductOrders, so the
// operation is added the way the generated requests are written (services/aiworkspace/
// create_workspace.go): a ROA request type and a response type the SDK fills.

// The operation's identity (AIWorkSpace 2021-02-04 CreateProductOrders: POST /api/v1/productorders).
const (
	product = "AIWorkSpace"
	apiVer  = "2021-02-04"
	action  = "CreateProductOrders"
	path    = "/api/v1/productorders"
)

// CreateProductOrdersRequest is POST /api/v1/productorders. It has no tagged fields on
// purpose: a field tagged position:"Body" would be sent as a form parameter
// (body=<url-encoded json>), not as the JSON body the API documents. The body is set with
// SetContent instead, byte for byte what the person reviewed.
type CreateProductOrdersRequest struct {
	*requests.RoaRequest
}

// CreateProductOrdersResponse is the documented response (RequestId, OrderId, ProductIds, Message, BuyProductRequestId).
type CreateProductOrdersResponse struct {
	*responses.BaseResponse
	RequestId           string   `json:"RequestId" xml:"RequestId"`
	OrderId             string   `json:"OrderId" xml:"OrderId"`
	Message             string   `json:"Message" xml:"Message"`
	BuyProductRequestId string   `json:"BuyProductRequestId" xml:"BuyProductRequestId"`
	ProductIds          []string `json:"ProductIds" xml:"ProductIds"`
}

// NewCreateProductOrdersRequest returns the request with body as its JSON content.
func NewCreateProductOrdersRequest(body []byte) *CreateProductOrdersRequest {
	req := &CreateProductOrdersRequest{RoaRequest: &requests.RoaRequest{}}
	req.InitWithApiInfo(product, apiVer, action, path, "", "")
	req.Method = requests.POST
	req.SetContent(body)
	req.SetContentType(requests.Json)
	return req
}

// NewCreateProductOrdersResponse returns an empty response for DoAction to fill.
func NewCreateProductOrdersResponse() *CreateProductOrdersResponse {
	return &CreateProductOrdersResponse{BaseResponse: &responses.BaseResponse{}}
}
