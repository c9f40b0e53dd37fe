// The lessons view, walked like a learner: open a lesson, predict (a wrong answer is explained, the right
// one confirmed with the model's own state), go on, reload (the link keeps lesson and step, localStorage
// the answers), reset progress; and the same walk with the keyboard alone.
import { LESSONS } from '../../src/lessons/lessonCatalog.ts';
import { describeQuery, formatQueryValue } from '../../src/lessons/lessonQuery.ts';
import { expect, test } from './fixtures.ts';

test('a lesson: a wrong prediction is explained, the model state is revealed, and progress survives a reload', async ({ page }) => {
  await page.goto('/?v=1&m=1&view=lessons');
  await page
    .getByRole('navigation', { name: 'Lessons' })
    .getByRole('button', { name: /2 · A grace period/ })
    .click();
  await expect(page).toHaveURL(/lesson=grace-period/);
  await expect(page.getByRole('heading', { name: 'A scheduler is loaded' })).toBeVisible();
  await expect(page.getByText(/Step 11 of 76/)).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/lstep=2/);
  const question = page.getByRole('radiogroup', { name: /Is CPU 0 now inside an RCU read-side critical section/ });
  await expect(question).toBeVisible();
  // Before the answer, the view stays on the previous step and Next is blocked.
  await expect(page.getByText(/Step 11 of 76/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeDisabled();

  await question.getByRole('radio', { name: /No: it never called rcu_read_lock/ }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByText('Not quite.')).toBeVisible();
  await expect(page.getByText(/rcu_read_lock\(\) is one way to be a reader, not the only one/).first()).toBeVisible();
  await expect(page.getByText(/The answer: Yes: IRQs are off, so it is a reader\./)).toBeVisible();
  await expect(page.locator('p', { hasText: 'The model at step 14:' })).toContainText('CPU 0 in a read-side section = yes', {
    timeout: 30_000,
  });
  await expect(page.getByText(/Step 14 of 76/)).toBeVisible();

  await page.getByRole('button', { name: 'Next step' }).click();
  await page.getByRole('button', { name: 'Next step' }).click();
  await expect(page).toHaveURL(/lstep=4/);
  const q2 = page.getByRole('radiogroup', { name: /How many CPUs owe a quiescent state/ });
  await q2.getByRole('radio', { name: 'All four' }).check();
  await page.getByRole('button', { name: 'Check my answer' }).click();
  await expect(page.getByText('Correct.')).toBeVisible();
  await expect(page.locator('p', { hasText: 'The model at step 49:' })).toContainText('RCU owed = 4', { timeout: 30_000 });
  await page.screenshot({ path: '/tmp/lsn/shots/lesson-light.png', fullPage: true });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Grace period 1 starts' })).toBeVisible();
  await expect(page.getByText('Correct.')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: /A grace period/ })).toContainText(
    '2 of 4 questions',
  );
  await page.getByRole('button', { name: 'Previous step' }).click();
  await page.getByRole('button', { name: 'Previous step' }).click();
  await expect(page.getByText('Not quite.')).toBeVisible();

  await page.getByRole('button', { name: 'Try it yourself in the Races view' }).click();
  await expect(page.getByRole('tab', { name: 'Races', selected: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Step 14 of 76' })).toBeVisible({ timeout: 30_000 });
  await expect(page).toHaveURL(/scenario=enable-disable/);

  await page.getByRole('tab', { name: 'Lessons' }).click();
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByRole('button', { name: 'Check my answer' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: /A grace period/ })).toContainText(
    '0 of 4 questions',
  );
});

test('a lesson walked with the keyboard alone', async ({ page }) => {
  await page.goto('/?v=1&m=1&view=lessons');
  const nav = page.getByRole('navigation', { name: 'Lessons' });
  // Tab to the third lesson's button.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await nav.getByRole('button', { name: /3 · The use-after-free/ }).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(nav.getByRole('button', { name: /3 · The use-after-free/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'A kick is queued' })).toBeVisible();

  const next = page.getByRole('button', { name: 'Next step' });
  // Walk to the first question with Tab and Enter.
  for (let step = 0; step < 3; step++) {
    for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Focus moves to the new step's heading.
    await expect(page.locator('#lesson-step-title')).toBeFocused();
  }
  await expect(page.getByRole('heading', { name: 'free_kick_pseqs() without RCU' })).toBeVisible();
  // Tab into the radio group, choose with the arrows, check with Enter.
  await page.keyboard.press('Tab');
  const group = page.getByRole('radiogroup', { name: /What is CPU 0’s array now|What is CPU 0's array now/ });
  await expect(group.getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(group.getByRole('radio', { name: /Freed, while CPU 0 still holds/ })).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Correct.')).toBeVisible();
  await expect(page.locator('p', { hasText: 'The model at step 30:' })).toContainText("CPU 0's array = freed", { timeout: 30_000 });
  for (let i = 0; i < 40 && !(await next.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'The reader touches freed memory' })).toBeVisible();
  await expect(page).toHaveURL(/lesson=no-rcu&lstep=5/);
});

test('every lesson, walked to its end with the right answers, shows the model agreeing at each question', async ({ page }) => {
  test.setTimeout(180_000);
  for (const lesson of LESSONS) {
    await page.goto(`/?v=1&m=1&view=lessons&lesson=${lesson.id}`);
    for (let i = 0; i < lesson.steps.length; i++) {
      const step = lesson.steps[i];
      await expect(page.getByRole('heading', { name: step.title, exact: true })).toBeVisible();
      if (step.question) {
        const q = step.question;
        const right = q.choices.find((c) => c.id === q.correct)!;
        await page
          .getByRole('radiogroup', { name: `Predict: ${q.prompt}` })
          .getByRole('radio', { name: right.label, exact: true })
          .check();
        await page.getByRole('button', { name: 'Check my answer' }).click();
        await expect(page.getByText('Correct.')).toBeVisible();
        await expect(page.locator('p', { hasText: `The model at step ${step.at}:` })).toContainText(
          `${describeQuery(q.answer)} = ${formatQueryValue(right.value)}`,
          { timeout: 60_000 },
        );
      }
      if (i < lesson.steps.length - 1) await page.getByRole('button', { name: 'Next step' }).click();
    }
    await expect(page.getByText('End of this lesson.')).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Lessons' }).getByRole('button', { name: lesson.title })).toContainText('· done');
  }
});

test('Back and Forward move between lessons, not between a lesson and its run', async ({ page }) => {
  await page.goto('/?v=1&m=1&view=lessons');
  const nav = page.getByRole('navigation', { name: 'Lessons' });
  await nav.getByRole('button', { name: /3 · The use-after-free/ }).click();
  await expect(page.getByText(/Step 12 of 41/)).toBeVisible({ timeout: 30_000 });
  await nav.getByRole('button', { name: /5 · The second-load leak/ }).click();
  await expect(page.getByText(/Step 14 of 63/)).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'A kick is queued' })).toBeVisible();
  await expect(page).toHaveURL(/lesson=no-rcu/);
  await expect(page.getByText(/Step 12 of 41/)).toBeVisible({ timeout: 30_000 });
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Choose a lesson' })).toBeVisible();
  await page.goForward();
  await page.goForward();
  await expect(page.getByRole('heading', { name: 'Scheduler A runs, CPU 0 reads' })).toBeVisible();
  await expect(page).toHaveURL(/lesson=second-load/);
});
