import { Button, Drawer, Flex, Form } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../electron/contract';
import { fieldErrors, serverFieldErrors, toAppError } from '../../lib/errors';
import { useNotify } from '../../lib/notify';
import { EMPTY_PRODUCT, FORM_FIELDS, patchFromDraft, validateProduct, valuesFromProduct, type ProductFormValues } from './product-form';
import { ProductFormFields } from './ProductFormFields';
import { useSaveProduct } from './queries';

interface Props {
  /** `null` closed, `'new'` to create, a product to edit. */
  target: Product | 'new' | null;
  onClose(): void;
}

/** Create or edit a product. Client-side and server errors land under the same fields. */
export function ProductDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProductFormValues>();
  const notify = useNotify();
  const save = useSaveProduct();
  const triedRef = useRef(false);
  const editing = target && target !== 'new' ? target : null;
  const label = (field: string) => t(`product.fields.${field as 'sku'}`);

  useEffect(() => {
    if (!target) return;
    triedRef.current = false;
    form.resetFields();
    form.setFieldsValue(target === 'new' ? EMPTY_PRODUCT : valuesFromProduct(target));
  }, [target, form]);

  const showErrors = (errors: Record<string, string[]>) =>
    form.setFields(FORM_FIELDS.map((name) => ({ name, errors: errors[name] ?? [] })));

  /** Re-check everything; returns the draft when valid. */
  const check = () => {
    const result = validateProduct(form.getFieldsValue(true));
    showErrors(result.ok ? {} : fieldErrors(result.issues, t));
    return result;
  };

  const submit = () => {
    triedRef.current = true;
    const result = check();
    if (!result.ok) return;
    const draft = editing ? patchFromDraft(result.draft) : result.draft;
    save.mutate(
      { id: editing?.id, draft },
      {
        onSuccess: () => {
          notify.success(t(editing ? 'catalog.updated' : 'catalog.created'));
          onClose();
        },
        onError: (error) => {
          const perField = serverFieldErrors(toAppError(error), t);
          if (perField) showErrors(perField);
          notify.error(error, label);
        },
      },
    );
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={680}
      destroyOnHidden={false}
      title={t(editing ? 'catalog.editTitle' : 'catalog.createTitle')}
      data-testid="product-drawer"
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={submit} data-testid="product-save">
            {t(editing ? 'common.save' : 'common.create')}
          </Button>
        </Flex>
      }
    >
      <Form<ProductFormValues>
        form={form}
        layout="vertical"
        requiredMark
        onFinish={submit}
        onValuesChange={() => {
          // After a first attempt, messages follow the user's edits (and disappear when fixed).
          if (triedRef.current) check();
        }}
      >
        <ProductFormFields />
        {/* Enter in a single-line field submits. */}
        <button type="submit" hidden aria-hidden />
      </Form>
    </Drawer>
  );
}
