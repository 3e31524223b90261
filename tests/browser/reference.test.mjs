
test('the guide links its parameters and opens the generator with its choices', async () => {
  const context = await suite.context();
  const page = await context.newPage();
  const seen = watch(page);
  await open(page, suite.url);
  await switchLanguage(page, 'Deutsch');
  await page.getByRole('tab', { name: 'Referenz' }).click();
  const section = page.locator('#guide-outbound');
  await section.locator('summary').click();
  assert.match(await section.innerText(), /DNSSEC-signierten Zonen/);
  await section.getByRole('link', { name: 'smtp_dns_support_level' }).click();
  await page.locator('#ref-entry').getByRole('heading', { name: 'smtp_dns_support_level' }).waitFor();
  const legacy = page.locator('#guide-legacy');
  await legacy.locator('summary').click();
  await page.locator('#guide-verify summary').click();
  await page.locator('#guide-verify').getByRole('button', { name: 'Im Generator mit dieser Auswahl öffnen' }).click();
  assert.equal(await page.getByRole('tab', { name: 'Erzeugen' }).getAttribute('aria-selected'), 'true');
  await page.getByRole('region', { name: 'main.cf', exact: true }).getByText('smtpd_tls_received_header = yes').waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});
