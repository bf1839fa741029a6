'use client'
// 上传导入文件: the file goes to /admin/imports/upload as the request body (a stream the server
// counts and stores chunk by chunk, so a large file is never held whole in memory, there or here),
// with the session's CSRF token in a header; the answer names the job, whose page shows the dry run.
import { useRouter } from 'next/navigation'
import type { Route } from 'next'
import { useState } from 'react'
import { CONTROL, PRIMARY_BUTTON } from '@web/components/admin/form-parts'

export interface KindChoice {
  id: string
  label: string
}

type Errors = Partial<Record<'kind' | 'file' | 'form', string>>

export function ImportUploadForm({ kinds, csrfToken, maxMb }: { kinds: readonly KindChoice[]; csrfToken: string; maxMb: number }) {
  const router = useRouter()
  const [errors, setErrors] = useState<Errors>({})
  const [pending, setPending] = useState(false)

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const kind = String(form.get('kind') ?? '')
    const file = form.get('file')
    const found: Errors = {}
    if (!kind) found.kind = '请选择导入的数据类型'
    if (!(file instanceof File) || file.size === 0) found.file = '请选择要导入的文件'
    else if (file.size > maxMb * 1024 * 1024) found.file = `文件超过 ${maxMb} MB，请拆分后分批导入`
    setErrors(found)
    if (Object.keys(found).length > 0 || !(file instanceof File)) return
    setPending(true)
    try {
      const query = new URLSearchParams({ kind, name: file.name })
      const response = await fetch(`/admin/imports/upload?${query}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/octet-stream', 'X-CSRF-Token': csrfToken },
        body: file,
      })
      const body = (await response.json().catch(() => ({}))) as { id?: string; error?: string; fields?: Record<string, string> }
      if (response.ok && body.id) {
        router.push(`/admin/imports/${body.id}` as Route)
        return
      }
      setErrors({ kind: body.fields?.kind, file: body.fields?.file, form: body.fields?.kind || body.fields?.file ? undefined : (body.error ?? `上传失败（${response.status}）`) })
    } catch {
      setErrors({ form: '网络连接中断，文件未上传，请重试' })
    } finally {
      setPending(false)
    }
  }

  return (
    <form onSubmit={submit} noValidate className="space-y-4 rounded border border-line bg-white p-4">
      {errors.form && (
        <div role="alert" className="border-l-4 border-seal bg-red-50 px-4 py-3 font-bold text-seal-dark">
          {errors.form}
        </div>
      )}
      <div>
        <label htmlFor="kind" className="font-medium">
          数据类型
        </label>
        <select id="kind" name="kind" defaultValue="" aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? 'kind-error' : undefined} className={`${CONTROL} ${errors.kind ? 'border-seal' : 'border-line'}`}>
          <option value="">请选择</option>
          {kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {k.label}
            </option>
          ))}
        </select>
        {errors.kind && (
          <p id="kind-error" className="mt-1 font-medium text-seal-dark">
            {errors.kind}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="file" className="font-medium">
          文件（.xlsx 或 .csv，不超过 {maxMb} MB）
        </label>
        <input
          id="file"
          name="file"
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          aria-invalid={errors.file ? true : undefined}
          aria-describedby={errors.file ? 'file-error file-hint' : 'file-hint'}
          className={`${CONTROL} ${errors.file ? 'border-seal' : 'border-line'}`}
        />
        <p id="file-hint" className="mt-1 text-sm text-muted">
          请使用下方模板填写。CSV 可为 UTF-8 或 Excel 默认保存的 GBK 编码。上传后先预检，不会立即写入。
        </p>
        {errors.file && (
          <p id="file-error" className="mt-1 font-medium text-seal-dark">
            {errors.file}
          </p>
        )}
      </div>
      <button type="submit" disabled={pending} className={PRIMARY_BUTTON}>
        {pending ? '正在上传…' : '上传并预检'}
      </button>
    </form>
  )
}
