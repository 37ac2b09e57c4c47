import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Col, Flex, Form, Input, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conclusions, Recap } from '../../../../../electron/contract';
import { formatDateTime } from '../../../lib/format';
import { useNotify } from '../../../lib/notify';
import type { Language } from '../../../lib/prefs';
import { useRecapMutations } from '../queries';

/** What worked, problems, actions with an owner: kept with the show, in every export. */
export function ConclusionsTab({ recap, lang }: { recap: Recap; lang: Language }) {
  const { t } = useTranslation();
  const notify = useNotify();
  const { conclusions } = useRecapMutations();
  const c = recap.conclusions;
  const save = (values: Conclusions) =>
    conclusions.mutate({ id: recap.show.id, ...values, actions: (values.actions ?? []).filter((a) => a.text?.trim()) }, { onSuccess: () => notify.success(t('recaps.conclusions.saved')), onError: (e) => notify.error(e) });
  return (
    <Card size="small" title={t('recaps.conclusions.title')} extra={c.updatedAt ? <Typography.Text type="secondary">{t('recaps.conclusions.updated', { date: formatDateTime(c.updatedAt, lang) })}</Typography.Text> : null}>
      <Form layout="vertical" initialValues={{ worked: c.worked, problems: c.problems, actions: c.actions }} onFinish={save} key={c.updatedAt ?? 0} data-testid="conclusions">
        <Row gutter={12}>
          <Col xs={24} md={12}>
            <Form.Item name="worked" label={t('recaps.conclusions.worked')}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="conclusions-worked" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="problems" label={t('recaps.conclusions.problems')}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} data-testid="conclusions-problems" />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('recaps.conclusions.actions')}</Typography.Text>
        <Form.List name="actions">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((field) => (
                <Flex key={field.key} gap={8} align="baseline">
                  <Form.Item name={[field.name, 'done']} valuePropName="checked" style={{ marginBottom: 8 }}>
                    <Checkbox aria-label={t('recaps.conclusions.done')} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'text']} style={{ flex: 1, marginBottom: 8 }}>
                    <Input placeholder={t('recaps.conclusions.action')} maxLength={500} data-testid="action-text" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'owner']} style={{ width: 160, marginBottom: 8 }}>
                    <Input placeholder={t('recaps.conclusions.owner')} maxLength={60} data-testid="action-owner" />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} onClick={() => remove(field.name)} aria-label={t('common.remove')} />
                </Flex>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ text: '', owner: '', done: false })} data-testid="add-action">
                {t('recaps.conclusions.addAction')}
              </Button>
            </div>
          )}
        </Form.List>
        <Button type="primary" htmlType="submit" loading={conclusions.isPending} style={{ marginTop: 16 }} data-testid="save-conclusions">
          {t('recaps.conclusions.save')}
        </Button>
      </Form>
    </Card>
  );
}
