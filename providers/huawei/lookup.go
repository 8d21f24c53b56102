package huawei

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	workspaceapp "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// The look-up names flows fields declare (flows.Field.Lookup, flows/lookupnames.go), with the
// inputs they read (flows.Field.LookupInputs → providers.LookupQuery.Inputs).
const (
	LookupProducts          = flows.LookupWorkspaceAppProducts
	LookupAvailabilityZones = flows.LookupWorkspaceAppAvailabilityZones
	LookupServerGroups      = flows.LookupWorkspaceAppServerGroups
	LookupVPCs              = flows.LookupVPCs    // input server_group_id (orders its VPC first)
	LookupSubnets           = flows.LookupSubnets // inputs vpc_id (required), server_group_id
	LookupProjects          = flows.LookupHuaweiProjects
	// LookupDSCProductID prices one DSC item (BSS ListRateOnPeriodDetail) and answers its
	// product id; inputs cloud_service_type, resource_type, resource_spec_code, resource_size,
	// resource_size_measure_id, region_id, period_type, period_num.
	LookupDSCProductID = flows.LookupDSCProductID
)

// Lookup answers the pickers with the account's own values. It sends only read-only calls, so
// a caller may retry it (ui/lookups.Cache does, once).
func (p *Provider) Lookup(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	opts, err := p.lookup(ctx, q)
	return opts, p.scrub(err)
}

func (p *Provider) lookup(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	switch q.Name {
	case LookupProducts:
		return p.products(ctx, q)
	case LookupAvailabilityZones:
		return p.availabilityZones(ctx, q)
	case LookupServerGroups:
		return p.serverGroups(ctx, q)
	case LookupVPCs:
		return p.vpcs(ctx, q)
	case LookupSubnets:
		return p.subnets(ctx, q)
	case LookupProjects:
		return p.projects(ctx, q)
	case LookupDSCProductID:
		return p.dscProductID(ctx, q)
	}
	return nil, invalid(fmt.Errorf("no Huawei Cloud look-up is named %q", q.Name))
}

func (p *Provider) products(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	c, err := p.newCall(ctx, workspaceAppService, q.Region, q.ProjectID)
	if err != nil {
		return nil, invalid(err)
	}
	resp, err := workspaceapp.NewWorkspaceAppClient(c.hc).ListProduct(&model.ListProductRequest{})
	if err != nil {
		return nil, classify("list Workspace App products", err, c.reach())
	}
	var out []flows.Option
	if resp.Products == nil {
		return out, nil
	}
	for _, pr := range *resp.Products {
		id := deref(pr.ProductId)
		if id == "" {
			continue
		}
		label := id
		if spec := sizeText(deref(pr.Cpu), deref(pr.Memory)); spec != "" {
			label += " · " + spec
		}
		help := deref(pr.Descriptions)
		if s := deref(pr.Status); s != "" && s != "normal" {
			help = strings.TrimSpace(help + " (" + s + ")")
		}
		out = append(out, flows.Option{Value: id, Label: i18n.T(label, label), Help: i18n.T(help, help)})
	}
	return out, nil
}

// sizeText renders "4 vCPU 16 GB" from the API's cpu count and memory in MB.
func sizeText(cpu, memMB string) string {
	var parts []string
	if cpu != "" {
		parts = append(parts, cpu+" vCPU")
	}
	if mb, err := strconv.Atoi(memMB); err == nil && mb > 0 {
		if mb%1024 == 0 {
			parts = append(parts, fmt.Sprintf("%d GB", mb/1024))
		} else {
			parts = append(parts, fmt.Sprintf("%d MB", mb))
		}
	}
	return strings.Join(parts, " ")
}

func (p *Provider) availabilityZones(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	c, err := p.newCall(ctx, workspaceAppService, q.Region, q.ProjectID)
	if err != nil {
		return nil, invalid(err)
	}
	resp, err := workspaceapp.NewWorkspaceAppClient(c.hc).ListAvailabilityZone(&model.ListAvailabilityZoneRequest{})
	if err != nil {
		return nil, classify("list Workspace App availability zones", err, c.reach())
	}
	var out []flows.Option
	if resp.AvailabilityZones == nil {
		return out, nil
	}
	for _, az := range *resp.AvailabilityZones {
		id := deref(az.AvailabilityZone)
		if id == "" || (az.Visible != nil && !*az.Visible) {
			continue
		}
		en, zh := deref(az.DisplayName), ""
		for k, v := range az.I18n {
			switch {
			case strings.HasPrefix(strings.ToLower(k), "zh"):
				zh = v
			case strings.HasPrefix(strings.ToLower(k), "en") && v != "":
				en = v
			}
		}
		if en == "" {
			en = id
		}
		if zh == "" {
			zh = en
		}
		out = append(out, flows.Option{Value: id, Label: i18n.T(en, zh)})
	}
	return out, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
