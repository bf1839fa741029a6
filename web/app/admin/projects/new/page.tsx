// 登记新项目: the register form; the project code is assigned on saving.
import { Suspense } from 'react'
import type { Metadata } from 'next'
import { PROJECT_CATEGORIES, PROJECT_CATEGORY_LABELS } from '@shared/domain/enums'
import { HAINAN_REGIONS } from '@shared/regions/hainan'
import { actsFor } from '@shared/staff/actor'
import { StaffForm } from '@web/components/admin/projects/staff-form'
import { currentCsrfToken, requireActor } from '@web/lib/staff/session'
import { registerProjectAction } from '../actions'

export const metadata: Metadata = { title: '登记新项目', robots: { index: false } }

async function NewProjectForm() {
  const actor = await requireActor('projects.write')
  const regions = HAINAN_REGIONS.filter((r) => r.level !== 'PROVINCE' && actsFor(actor, r.code))
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold text-brand-900">登记新项目</h1>
      <p className="text-slate-700">保存后系统按所在地和登记月份赋予全省统一的项目编码，此后五个环节都以该编码办理。</p>
      <StaffForm
        title="登记新项目"
        action={registerProjectAction}
        csrfToken={await currentCsrfToken()}
        submitLabel="登记项目"
        fields={[
          { kind: 'text', name: 'name', label: '项目名称', required: true },
          { kind: 'text', name: 'address', label: '项目地址', required: true },
          {
            kind: 'select',
            name: 'regionCode',
            label: '所在市县',
            required: true,
            defaultValue: regions.length === 1 ? regions[0].code : (actor.regionCode ?? undefined),
            options: regions.map((r) => ({ value: r.code, label: r.name })),
          },
          { kind: 'select', name: 'category', label: '工程类别', required: true, options: PROJECT_CATEGORIES.map((c) => ({ value: c, label: PROJECT_CATEGORY_LABELS[c] })) },
          { kind: 'number', name: 'investment', label: '总投资（万元）', required: true },
          { kind: 'number', name: 'floorArea', label: '建筑面积（平方米）', hint: '市政工程可不填' },
          { kind: 'enterprise', name: 'ownerUscc', label: '建设单位', required: true, enterpriseType: 'OWNER', hint: '输入统一社会信用代码或名称查找' },
        ]}
      />
    </div>
  )
}

// the session is read at request time: inside a Suspense boundary, as cacheComponents requires
export default function NewProjectPage() {
  return (
    <Suspense fallback={<p className="text-slate-600">正在加载…</p>}>
      <NewProjectForm />
    </Suspense>
  )
}
