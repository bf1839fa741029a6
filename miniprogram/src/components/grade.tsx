import { Text, View } from '@tarojs/components'
import type { GradeView } from '../lib/details'

/** A credit grade: the letter large, then score, date and standard. */
export function GradeBlock({ grade, testId }: { grade: GradeView | null; testId?: string }) {
  if (!grade) {
    return (
      <Text className='muted' data-testid={testId}>
        平台尚未评定信用等级
      </Text>
    )
  }
  return (
    <View className='grade' data-testid={testId} data-grade={grade.grade}>
      <Text className={grade.blacklisted ? 'grade__letter grade__letter--bad' : 'grade__letter'}>{grade.grade}</Text>
      <View className='grade__text'>
        <Text>
          信用等级 {grade.grade}，{grade.score} 分
        </Text>
        <Text className='muted'>
          {grade.asOf} 评定 · 评分标准 {grade.standardVersion}
        </Text>
        {grade.blacklisted && <Text className='tone--bad'>已列入黑名单</Text>}
      </View>
    </View>
  )
}
