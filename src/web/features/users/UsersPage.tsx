import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  CloseButton,
  CopyButton,
  Group,
  Menu,
  Modal,
  PasswordInput,
  Select,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { IconCheck, IconCopy, IconDots, IconKey, IconPencil, IconPlus, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LIST_SORTS, ROLES, UNIT_ROLES } from '../../../shared/schemas/common.ts';
import { USER_STATUSES, ZCreateUserInput, ZUpdateUserInput } from '../../../shared/schemas/admin.ts';
import { api, withQuery } from '../../api/client.ts';
import { keys, useUsersList } from '../../api/queries.ts';
import type { Role, UserRow } from '../../api/types.ts';
import { useAuth } from '../../auth/AuthProvider.tsx';
import { applyServerError, ErrorAlert, notifyError, notifySuccess } from '../../components/feedback.tsx';
import { DataList, useListState, type Column, type FilterDef } from '../../components/DataList/index.ts';
import { formatDate, formatDateTime } from '../../components/format.ts';
import { PageHeader } from '../../components/PageHeader.tsx';
import { UnitSelect } from '../../components/units.tsx';
import { blankToNull, zodErrors } from '../../components/validation.ts';
import { LoginDelaysSection } from './LoginDelaysSection.tsx';

const FILTERS = ['q', 'role', 'status'] as const;

function isLocked(u: UserRow): boolean {
  return !!u.lockedUntil && new Date(u.lockedUntil).getTime() > Date.now();
}

function RoleBadges({ u, size }: { u: UserRow; size: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  return (
    <>
      {u.roles.map((r, i) => (
        <Badge key={i} variant="light" size={size} tt="none" color={r.role === 'admin' ? 'red' : 'pemda'}>
          {t(`roles.${r.role}`)}
          {r.unitName ? ` · ${r.unitName}` : ''}
        </Badge>
      ))}
    </>
  );
}

export default function UsersPage() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const { user: me } = useAuth();
  const list = useListState({ filters: FILTERS, defaultSort: LIST_SORTS.users.default });
  const users = useUsersList(list.query);
  const [editing, setEditing] = useState<UserRow | 'new' | null>(null);
  const [secret, setSecret] = useState<{ username: string; password: string } | null>(null);
  const [confirmReset, setConfirmReset] = useState<UserRow | null>(null);

  const filters: FilterDef[] = [
    { kind: 'search', param: 'q', label: t('common.search'), placeholder: t('users.searchPlaceholder'), testId: 'users-search' },
    { kind: 'select', param: 'role', label: t('fields.role'), options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })), testId: 'users-role-filter' },
    { kind: 'select', param: 'status', label: t('users.status'), options: USER_STATUSES.map((s) => ({ value: s, label: t(`users.statuses.${s}`) })), testId: 'users-status-filter' },
  ];

  const setActive = async (u: UserRow, isActive: boolean) => {
    try {
      await api(`/users/${u.id}`, { method: 'PATCH', body: { isActive } });
      await qc.invalidateQueries({ queryKey: keys.users });
      notifySuccess(isActive ? t('users.activated', { name: u.name }) : t('users.deactivated', { name: u.name }));
    } catch (e) {
      notifyError(e);
    }
  };

  const resetPassword = async (u: UserRow) => {
    try {
      const res = await api<{ temporaryPassword: string }>(`/users/${u.id}/reset-password`, { method: 'POST' });
      await qc.invalidateQueries({ queryKey: keys.users });
      setSecret({ username: u.username, password: res.temporaryPassword });
    } catch (e) {
      notifyError(e);
    } finally {
      setConfirmReset(null);
    }
  };

  const actions = (u: UserRow) => (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('users.actionsFor', { name: u.name })} data-testid="user-actions">
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => setEditing(u)}>
          {t('common.edit')}
        </Menu.Item>
        <Menu.Item leftSection={<IconKey size={16} />} onClick={() => setConfirmReset(u)} data-testid="user-reset-password">
          {t('users.resetPassword')}
        </Menu.Item>
        {u.isActive ? (
          <Menu.Item leftSection={<IconUserOff size={16} />} color="red" disabled={u.id === me?.id} onClick={() => void setActive(u, false)} data-testid="user-deactivate">
            {t('users.deactivate')}
          </Menu.Item>
        ) : (
          <Menu.Item leftSection={<IconUserCheck size={16} />} onClick={() => void setActive(u, true)} data-testid="user-activate">
            {t('users.activate')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );

  const columns: Column<UserRow>[] = [
    {
      key: 'name',
      label: t('fields.name'),
      sortKey: 'name',
      render: (u) => (
        <div style={{ opacity: u.isActive ? 1 : 0.6 }}>
          <Text size="sm" fw={500} data-testid="user-name">
            {u.name}
          </Text>
          <Group gap={4} hiddenFrom="sm" mt={4}>
            <Text size="xs" c="dimmed" className="serasan-mono">
              {u.username}
            </Text>
            {!u.isActive && (
              <Badge size="xs" color="gray" variant="outline">
                {t('users.statuses.inactive')}
              </Badge>
            )}
            {isLocked(u) && (
              <Badge size="xs" color="red" variant="light">
                {t('users.statuses.locked')}
              </Badge>
            )}
            <RoleBadges u={u} size="xs" />
          </Group>
        </div>
      ),
    },
    {
      key: 'username',
      label: t('fields.username'),
      sortKey: 'username',
      desktopOnly: true,
      render: (u) => (
        <Text size="sm" className="serasan-mono">
          {u.username}
        </Text>
      ),
    },
    {
      key: 'roles',
      label: t('fields.roles'),
      desktopOnly: true,
      render: (u) => (
        <Group gap={4}>
          {u.roles.length === 0 && (
            <Text size="xs" c="dimmed">
              {t('users.noRoles')}
            </Text>
          )}
          <RoleBadges u={u} size="sm" />
        </Group>
      ),
    },
    {
      key: 'status',
      label: t('users.status'),
      desktopOnly: true,
      render: (u) => (
        <Group gap={4}>
          <Badge size="sm" color={u.isActive ? 'teal' : 'gray'} variant={u.isActive ? 'light' : 'outline'}>
            {u.isActive ? t('users.statuses.active') : t('users.statuses.inactive')}
          </Badge>
          {isLocked(u) && (
            <Badge size="sm" color="red" variant="light" title={formatDateTime(u.lockedUntil)}>
              {t('users.statuses.locked')}
            </Badge>
          )}
          {u.mustChangePassword && (
            <Badge size="sm" color="yellow" variant="light">
              {t('users.statuses.mustChange')}
            </Badge>
          )}
        </Group>
      ),
    },
    {
      key: 'createdAt',
      label: t('adminLists.createdAt'),
      sortKey: 'createdAt',
      descFirst: true,
      desktopOnly: true,
      render: (u) => <Text size="sm">{formatDate(u.createdAt)}</Text>,
    },
    { key: 'actions', label: '', width: 60, render: (u) => actions(u) },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="user-add">
            {t('users.add')}
          </Button>
        }
      />
      <DataList
        id="users"
        state={list}
        result={users}
        filters={filters}
        columns={columns}
        rowKey={(u) => u.id}
        rowTestId="user-row"
        countText={(total) => t('users.count', { count: total })}
        exportUrl={withQuery('/api/users/export.csv', list.exportQuery)}
        emptyText={t('adminLists.users.empty')}
      />
      <LoginDelaysSection />

      <Modal opened={!!editing} onClose={() => setEditing(null)} title={editing === 'new' ? t('users.createTitle') : t('users.editTitle')} size="lg">
        {editing && (
          <UserForm
            user={editing === 'new' ? null : editing}
            onDone={(created) => {
              setEditing(null);
              if (created?.temporaryPassword) setSecret({ username: created.username, password: created.temporaryPassword });
            }}
          />
        )}
      </Modal>

      <Modal opened={!!confirmReset} onClose={() => setConfirmReset(null)} title={t('users.resetPassword')}>
        <Stack>
          <Text size="sm">{t('users.resetConfirm', { name: confirmReset?.name ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirmReset(null)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={() => confirmReset && void resetPassword(confirmReset)} data-testid="user-reset-confirm">
              {t('users.resetPassword')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal opened={!!secret} onClose={() => setSecret(null)} title={t('users.tempPasswordTitle')} closeOnClickOutside={false}>
        {secret && (
          <Stack>
            <Alert color="yellow">{t('users.tempPasswordNotice', { username: secret.username })}</Alert>
            <Group gap="xs" wrap="nowrap">
              <TextInput value={secret.password} readOnly style={{ flex: 1 }} styles={{ input: { fontFamily: 'monospace', fontSize: 18 } }} data-testid="temp-password" aria-label={t('users.tempPasswordTitle')} onFocus={(e) => e.currentTarget.select()} />
              <CopyButton value={secret.password}>
                {({ copied, copy }) => (
                  <Button onClick={copy} color={copied ? 'teal' : undefined} leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />} data-testid="temp-password-copy">
                    {copied ? t('common.copied') : t('common.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSecret(null)}>
                {t('common.done')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

interface RoleRow {
  role: Role | '';
  unitId: string | null;
}

function UserForm({ user, onDone }: { user: UserRow | null; onDone: (created?: { username: string; temporaryPassword?: string | null }) => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const form = useForm({
    initialValues: {
      username: user?.username ?? '',
      name: user?.name ?? '',
      email: user?.email ?? '',
      password: '',
      isActive: user?.isActive ?? true,
      roles: (user?.roles.map((r) => ({ role: r.role, unitId: r.unitId })) ?? [{ role: '', unitId: null }]) as RoleRow[],
    },
    validate: (v) => {
      const roles = v.roles.filter((r) => r.role);
      const errors = user
        ? zodErrors(ZUpdateUserInput, { name: v.name, isActive: v.isActive, roles, email: v.email.trim() || null }, t)
        : zodErrors(ZCreateUserInput, { username: v.username, name: v.name, ...(v.password ? { password: v.password } : {}), roles }, t);
      v.roles.forEach((r, i) => {
        if (r.role && UNIT_ROLES.includes(r.role) && !r.unitId) errors[`roles.${i}.unitId`] = t('errors.unitRoleNeedsUnit', { role: t(`roles.${r.role}`) });
      });
      return errors;
    },
  });

  const submit = form.onSubmit(async (v) => {
    setError(null);
    const roles = v.roles.filter((r) => r.role).map((r) => ({ role: r.role, unitId: UNIT_ROLES.includes(r.role as Role) ? r.unitId : null }));
    try {
      if (user) {
        await api(`/users/${user.id}`, { method: 'PATCH', body: { name: v.name.trim(), isActive: v.isActive, roles, email: v.email.trim() || null } });
        await qc.invalidateQueries({ queryKey: keys.users });
        notifySuccess(t('users.saved', { name: v.name.trim() }));
        onDone();
      } else {
        const body = blankToNull({ username: v.username.trim(), name: v.name.trim(), password: v.password });
        if (body.password === null) delete (body as Record<string, unknown>).password;
        const res = await api<{ user: UserRow; temporaryPassword?: string | null }>('/users', { method: 'POST', body: { ...body, roles } });
        await Promise.all([qc.invalidateQueries({ queryKey: keys.users }), qc.invalidateQueries({ queryKey: keys.tenant })]);
        notifySuccess(t('users.created', { name: v.name.trim() }));
        onDone({ username: v.username.trim(), temporaryPassword: res?.temporaryPassword });
      }
    } catch (e) {
      setError(applyServerError(form, e));
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ErrorAlert error={error} testId="user-form-error" />
        <TextInput
          label={t('fields.username')}
          description={user ? undefined : t('users.usernameHint')}
          withAsterisk
          disabled={!!user}
          autoComplete="off"
          autoCapitalize="none"
          data-testid="user-username"
          {...form.getInputProps('username')}
        />
        <TextInput label={t('fields.name')} withAsterisk data-testid="user-name" {...form.getInputProps('name')} />
        {user && <TextInput type="email" label={t('fields.email')} description={t('accountEmail.hint')} autoComplete="off" data-testid="user-email" {...form.getInputProps('email')} />}
        {!user && (
          <PasswordInput label={t('fields.password')} description={t('users.passwordHint')} autoComplete="new-password" data-testid="user-password" {...form.getInputProps('password')} />
        )}
        {user && <Switch label={t('users.statuses.active')} {...form.getInputProps('isActive', { type: 'checkbox' })} />}

        <Text fw={600} size="sm" mt="xs">
          {t('fields.roles')}
        </Text>
        {form.getValues().roles.map((r, i) => (
          <Group key={i} align="flex-start" gap="xs" wrap="nowrap">
            <Select
              aria-label={t('fields.role')}
              placeholder={t('users.pickRole')}
              data={ROLES.map((x) => ({ value: x, label: t(`roles.${x}`) }))}
              style={{ flex: '1 1 40%' }}
              data-testid="user-role"
              allowDeselect={false}
              {...form.getInputProps(`roles.${i}.role`)}
            />
            {r.role && UNIT_ROLES.includes(r.role) ? (
              <UnitSelect
                aria-label={t('fields.unitId')}
                value={r.unitId}
                onChange={(id) => form.setFieldValue(`roles.${i}.unitId`, id)}
                error={form.errors[`roles.${i}.unitId`]}
                style={{ flex: '1 1 60%' }}
                data-testid="user-role-unit"
              />
            ) : (
              <Text size="xs" c="dimmed" style={{ flex: '1 1 60%' }} pt={8}>
                {r.role ? t('users.wholeTenant') : ''}
              </Text>
            )}
            <CloseButton mt={4} aria-label={t('users.removeRole')} onClick={() => form.removeListItem('roles', i)} />
          </Group>
        ))}
        <Button variant="subtle" size="compact-sm" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('roles', { role: '', unitId: null })} style={{ alignSelf: 'flex-start' }} data-testid="user-role-add">
          {t('users.addRole')}
        </Button>

        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={() => onDone()}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={form.submitting} data-testid="user-submit">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
