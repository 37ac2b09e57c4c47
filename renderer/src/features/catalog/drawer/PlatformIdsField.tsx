import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { PLATFORMS } from '../../../../../electron/contract';

/** The product's id on each platform: one row per platform (抖音 3720001, 淘宝 6523…). */
export function PlatformIdsField() {
  const { t } = useTranslation();
  return (
    <Form.List name="platformIds">
      {(rows, { add, remove }) => (
        <Flex vertical gap={6} data-testid="field-platformIds">
          {rows.map((row) => (
            <Flex key={row.key} gap={6}>
              <Form.Item name={[row.name, 'platform']} noStyle>
                <Select style={{ width: 160 }} options={PLATFORMS.map((p) => ({ value: p, label: t(`shows.platforms.${p}`) }))} data-testid="platform-id-platform" />
              </Form.Item>
              <Form.Item name={[row.name, 'id']} noStyle>
                <Input className="cc-mono" maxLength={64} data-testid="platform-id-value" />
              </Form.Item>
              <Button type="text" icon={<DeleteOutlined />} aria-label={t('common.delete')} onClick={() => remove(row.name)} />
            </Flex>
          ))}
          <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ alignSelf: 'flex-start' }} data-testid="add-platform-id">
            {t('catalog.affiliate.addPlatformId')}
          </Button>
        </Flex>
      )}
    </Form.List>
  );
}
