package huawei

import (
	"context"
	"sort"
	"strings"

	iam "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3"
	iammodel "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/iam/v3/model"

	"cloudorder/flows"
	"cloudorder/i18n"
	"cloudorder/providers"
)

// projects lists the account's IAM projects in the query's region (KeystoneListAuthProjects,
// GET /v3/auth/projects): the project named after the region first — the default, as the
// console's "My Credentials → Projects" shows it — then its sub-projects ("<region>_<name>").
func (p *Provider) projects(ctx context.Context, q providers.LookupQuery) ([]flows.Option, error) {
	cred, err := p.credential(ctx)
	if err != nil {
		return nil, invalid(err)
	}
	c, err := p.iamCall(ctx, q.Region, cred)
	if err != nil {
		return nil, invalid(err)
	}
	resp, err := iam.NewIamClient(c.hc).KeystoneListAuthProjects(&iammodel.KeystoneListAuthProjectsRequest{})
	if err != nil {
		return nil, classify("list the account's IAM projects", err, c.reach())
	}
	var own []iammodel.AuthProjectResult
	if resp.Projects != nil {
		for _, pr := range *resp.Projects {
			if pr.Id != "" && pr.Enabled && (pr.Name == q.Region || strings.HasPrefix(pr.Name, q.Region+"_")) {
				own = append(own, pr)
			}
		}
	}
	sort.SliceStable(own, func(i, j int) bool {
		if (own[i].Name == q.Region) != (own[j].Name == q.Region) {
			return own[i].Name == q.Region
		}
		return own[i].Name < own[j].Name
	})
	out := make([]flows.Option, 0, len(own))
	for _, pr := range own {
		help := i18n.T("A sub-project of "+q.Region+".", q.Region+" 的子项目。")
		if pr.Name == q.Region {
			help = i18n.T("The region's own project (the default).", "该区域的默认项目。")
		}
		out = append(out, flows.Option{Value: pr.Id, Label: i18n.T(pr.Name, pr.Name), Help: help})
	}
	return out, nil
}
