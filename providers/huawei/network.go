package huawei

import (
	"context"
	"fmt"

	vpc "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2"
	vpcmodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpc/v2/model"
	workspaceapp "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1"
	wsamodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/workspaceapp/v1/model"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// The Workspace App order's network: server group → VPC → subnet. A server group names its
// subnet (ServerGroup.subnet_id), the subnet names its VPC, so the group's VPC and subnet
// become the defaults (listed first) once a group is chosen.

// serverGroups lists the project's Workspace App server groups (ListServerGroups).
func (p *Provider) serverGroups(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	groups, err := p.listServerGroups(ctx, q, "")
	if err != nil {
		return nil, err
	}
	out := make([]flows.Option, 0, len(groups))
	for _, g := range groups {
		id := deref(g.Id)
		if id == "" {
			continue
		}
		label := providers.JoinNonEmpty(" · ", deref(g.Name), deref(g.ProductId), deref(g.SubnetName))
		out = append(out, flows.Option{Value: id, Label: i18n.T(label, label), Help: i18n.T(deref(g.Description), deref(g.Description))})
	}
	return out, nil
}

func (p *Provider) listServerGroups(ctx context.Context, q providers.LookupQuery, id string) ([]wsamodel.ServerGroup, error) {
	c, err := p.newCall(ctx, workspaceAppService, q.Region, q.ProjectID)
	if err != nil {
		return nil, invalid(err)
	}
	req := &wsamodel.ListServerGroupsRequest{}
	if id != "" {
		req.ServerGroupId = &id
	}
	resp, err := workspaceapp.NewWorkspaceAppClient(c.hc).ListServerGroups(req)
	if err != nil {
		return nil, classify("list Workspace App server groups", err, c.reach())
	}
	if resp.Items == nil {
		return nil, nil
	}
	return *resp.Items, nil
}

// groupSubnet is the subnet of server group id, "" when unknown (a default only, so a failure
// to find it is not an error).
func (p *Provider) groupSubnet(ctx context.Context, q providers.LookupQuery, id string) string {
	if id == "" {
		return ""
	}
	groups, err := p.listServerGroups(ctx, q, id)
	if err != nil {
		return ""
	}
	for _, g := range groups {
		if deref(g.Id) == id {
			return deref(g.SubnetId)
		}
	}
	return ""
}

func (p *Provider) listSubnets(ctx context.Context, q providers.LookupQuery, vpcID string) ([]vpcmodel.Subnet, error) {
	c, err := p.vpcCall(ctx, q.Region, q.ProjectID)
	if err != nil {
		return nil, invalid(err)
	}
	req := &vpcmodel.ListSubnetsRequest{}
	if vpcID != "" {
		req.VpcId = &vpcID
	}
	resp, err := vpc.NewVpcClient(c.hc).ListSubnets(req)
	if err != nil {
		return nil, classify("list VPC subnets", err, c.reach())
	}
	if resp.Subnets == nil {
		return nil, nil
	}
	return *resp.Subnets, nil
}

// vpcs lists the project's VPCs (ListVpcs); with a server group chosen, its VPC comes first.
func (p *Provider) vpcs(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	c, err := p.vpcCall(ctx, q.Region, q.ProjectID)
	if err != nil {
		return nil, invalid(err)
	}
	resp, err := vpc.NewVpcClient(c.hc).ListVpcs(&vpcmodel.ListVpcsRequest{})
	if err != nil {
		return nil, classify("list VPCs", err, c.reach())
	}
	first := ""
	if sn := p.groupSubnet(ctx, q, q.Inputs["server_group_id"]); sn != "" {
		if subnets, err := p.listSubnets(ctx, q, ""); err == nil {
			for _, s := range subnets {
				if s.Id == sn {
					first = s.VpcId
				}
			}
		}
	}
	var out []flows.Option
	if resp.Vpcs != nil {
		for _, v := range *resp.Vpcs {
			if v.Id == "" {
				continue
			}
			label := providers.JoinNonEmpty(" · ", v.Name, v.Cidr)
			out = append(out, flows.Option{Value: v.Id, Label: i18n.T(label, label), Help: i18n.T(v.Description, v.Description)})
		}
	}
	return moveFirst(out, first), nil
}

// subnets lists the chosen VPC's subnets (ListSubnets?vpc_id=…); the server group's first.
func (p *Provider) subnets(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	vpcID := q.Inputs["vpc_id"]
	if vpcID == "" {
		return nil, invalid(fmt.Errorf("choose the VPC first: the subnet list follows it"))
	}
	list, err := p.listSubnets(ctx, q, vpcID)
	if err != nil {
		return nil, err
	}
	out := make([]flows.Option, 0, len(list))
	for _, s := range list {
		if s.Id == "" || s.VpcId != vpcID {
			continue
		}
		label := providers.JoinNonEmpty(" · ", s.Name, s.Cidr, s.AvailabilityZone)
		out = append(out, flows.Option{Value: s.Id, Label: i18n.T(label, label), Help: i18n.T(s.Description, s.Description)})
	}
	return moveFirst(out, p.groupSubnet(ctx, q, q.Inputs["server_group_id"])), nil
}

// moveFirst puts the option with value first (the default), keeping the others' order.
func moveFirst(opts []flows.Option, value string) []flows.Option {
	for i, o := range opts {
		if o.Value == value && i > 0 {
			out := append([]flows.Option{o}, opts[:i]...)
			return append(out, opts[i+1:]...)
		}
	}
	return opts
}
