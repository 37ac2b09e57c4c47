import { Button, Drawer, Flex, Form } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Product } from '../../../../electron/contract';
import { issuesOf, serverFieldErrors, toAppError } from '../../lib/errors';
import { useNotify } from '../../lib/notify';
import { EMPTY_PRODUCT, FORM_FIELDS, formErrors, patchFromDraft, validateProduct, valuesFromProduct, type ProductFormValues } from './product-form';
import { ProductFormFields } from './ProductFormFields';
import { useSaveProduct } from './queries';
import { useCatalogVars } from './table/css-vars';

interface Props {
  /** `null` closed, `'new'` to create, a product to edit. */
  target: Product | 'new' | null;
  onClose(): void;
}

type FieldErrors = { name: (string | number)[]; errors: string[] }[];

/** Create or edit a product. Client-side and server errors land under the same fields. */
export function ProductDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ProductFormValues>();
  const notify = useNotify();
  const save = useSaveProduct();
  const vars = useCatalogVars();
  const triedRef = useRef(false);
  // Nested names (a variant's SKU, an FAQ question) that show a message now, to clear next time.
  const shownRef = useRef<(string | number)[][]>([]);
  const editing = target && target !== 'new' ? target : null;
  const label = (field: string) => t(`product.fields.${field as 'sku'}`, { defaultValue: field });

  useEffect(() => {
    if (!target) return;
    triedRef.current = false;
    shownRef.current = [];
    form.resetFields();
    form.setFieldsValue(target === 'new' ? EMPTY_PRODUCT : valuesFromProduct(target));
  }, [target, form]);

  const showErrors = (errors: FieldErrors) => {
    const cleared = [...FORM_FIELDS.map((name) => [name]), ...shownRef.current].map((name) => ({ name, errors: [] as string[] }));
    shownRef.current = errors.map((e) => e.name).filter((name) => name.length > 1);
    form.setFields([...cleared, ...errors] as Parameters<typeof form.setFields>[0]);
  };

  /** Re-check everything; returns the draft when valid. */
  const check = () => {
    const result = validateProduct(form.getFieldsValue(true));
    showErrors(result.ok ? [] : formErrors(result.issues, t));
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
          const appError = toAppError(error);
          const field = appError.details?.field;
          if (appError.code === 'CONFLICT' && typeof field === 'string' && field.startsWith('variants.')) {
            const [, index, sub] = field.split('.');
            showErrors([{ name: ['variants', Number(index), sub!], errors: [t('errors.skuTaken')] }]);
          } else if (appError.code === 'BAD_INPUT' && issuesOf(appError).length > 0) {
            showErrors(formErrors(issuesOf(appError), t));
          } else {
            const perField = serverFieldErrors(appError, t);
            if (perField) showErrors(Object.entries(perField).map(([name, errors]) => ({ name: [name], errors })));
          }
          notify.error(error, label);
        },
      },
    );
  };

  return (
    <Drawer
      open={target !== null}
      onClose={onClose}
      size={760}
      destroyOnHidden={false}
      title={t(editing ? 'catalog.editTitle' : 'catalog.createTitle')}
      data-testid="product-drawer"
      styles={{ body: vars }}
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
