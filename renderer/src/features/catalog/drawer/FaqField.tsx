import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** Questions viewers ask, with the answer the host gives (常见问题). */
export function FaqField() {
  const { t } = useTranslation();
  return (
    <Form.List name="faq">
      {(fields, { add, remove }) => (
        <div data-testid="faq-editor">
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              style={{ marginBottom: 8 }}
              title={t('catalog.faq.item', { n: i + 1 })}
              extra={<Button size="small" type="text" danger icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} data-testid="faq-remove" />}
              data-testid="faq-item"
            >
              <Form.Item name={[field.name, 'q']} label={t('catalog.faq.q')} style={{ marginBottom: 8 }}>
                <Input data-testid="faq-q" />
              </Form.Item>
              <Form.Item name={[field.name, 'a']} label={t('catalog.faq.a')} style={{ marginBottom: 0 }}>
                <Input.TextArea autoSize={{ minRows: 1, maxRows: 5 }} data-testid="faq-a" />
              </Form.Item>
            </Card>
          ))}
          <Button size="small" icon={<PlusOutlined />} onClick={() => add({ q: '', a: '' })} data-testid="faq-add">
            {t('catalog.faq.add')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
