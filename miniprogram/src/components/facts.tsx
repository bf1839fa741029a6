import { Text, View } from '@tarojs/components'
import type { Fact } from '../lib/lookup'

export function FactList({ facts }: { facts: Fact[] }) {
  return (
    <View className='facts'>
      {facts.map((f) => (
        <View key={f.label} className='fact'>
          <Text className='fact__label'>{f.label}</Text>
          <Text className='fact__value' userSelect>
            {f.value}
          </Text>
        </View>
      ))}
    </View>
  )
}
